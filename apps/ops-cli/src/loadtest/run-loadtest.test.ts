import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { captureIo } from '../testing/capture-io.ts';
import type { LoadtestReport } from './loadtest-report.ts';

// A hard 2 s budget makes every 429 whose reset does not fit fail fast to the fallback, so the run stays short.
const env = { ACPT_LATENCY_BUDGET_MODE: 'hard', ACPT_LATENCY_BUDGET_MS: '2000', ACPT_CIRCUIT_FAILURE_THRESHOLD: '50' };

describe('acpt loadtest (500 requests, concurrency 32, 20 % faults, child-process mock server)', () => {
  let directory: string;
  let report: LoadtestReport;
  let io: ReturnType<typeof captureIo>;
  let code: number;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'acpt-loadtest-'));
    io = captureIo(env);
    code = await runCli(
      [
        'loadtest',
        '--requests',
        '500',
        '--concurrency',
        '32',
        '--fault-rate',
        '0.2',
        '--out',
        directory,
        '--progress',
        '100ms',
      ],
      io,
    );
    report = JSON.parse(await readFile(join(directory, 'loadtest-report.json'), 'utf8')) as LoadtestReport;
  });

  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('accounts for every request and exits 0', () => {
    const { outcomes } = report;
    expect(code).toBe(0);
    expect(report.exitCode).toBe(0);
    expect(outcomes.submitted).toBe(500);
    expect(outcomes.succeeded + outcomes.fellBack + outcomes.failed).toBe(500);
    expect(outcomes).toMatchObject({ outstanding: 0, untypedErrors: 0 });
    expect(report.accounting).toMatchObject({ ok: true, unaccounted: 0, problems: [] });
    expect(report.accounting.line).toMatch(
      /^submitted 500 = succeeded \d+ \+ fell back \d+ \+ failed \d+ \(unaccounted 0, untyped errors 0, unhandled rejections 0\) OK$/,
    );
  });

  it('is cross-checked by the adapter diagnostics, its events and the telemetry pipeline', () => {
    expect(report.accounting.witnesses.map((witness) => witness.name)).toEqual([
      'adapter diagnostics',
      'adapter events',
      'telemetry spans',
      'telemetry metrics',
    ]);
    expect(report.telemetry).toMatchObject({ logicalSpans: 500, operations: 500, fallbacks: report.outcomes.fellBack });
  });

  it('really injected faults and exercised retries, and measured latency, TTFT, tokens and memory', () => {
    const retries = Object.values(report.adapter.retriesByReason).reduce((sum, count) => sum + count, 0);
    expect(retries).toBeGreaterThan(0);
    // Requests shed to the fallback before any live attempt never reach the server, so only "some" is certain.
    expect(report.server?.chatRequests).toBeGreaterThan(0);
    expect(report.adapter.attempts).toBeGreaterThan(500);
    expect(report.latencyMs.all.count).toBe(500);
    expect(report.latencyMs.all.p50).toBeLessThanOrEqual(report.latencyMs.all.p99);
    expect(report.timeToFirstTokenMs.count).toBeGreaterThan(100);
    expect(report.adapter.tokens.total).toBeGreaterThan(0);
    expect(report.memory.peakRssMiB).toBeGreaterThan(0);
  });

  it('reports the cost at the mock server catalogue price, labelled an estimate, with fallbacks at 0', () => {
    expect(report.cost).toMatchObject({
      basis: 'mock-server',
      model: 'gpt-oss-120b',
      price: { inputUsdPerMillion: 0.35, outputUsdPerMillion: 0.75, source: 'catalogue' },
      pricedRequests: report.outcomes.succeeded,
      unpricedRequests: 0,
      fallbackRequests: report.outcomes.fellBack,
    });
    // Every live answer billed at least its prompt; no more than every token at the output price.
    const { totalUsd } = report.cost ?? { totalUsd: 0 };
    expect(totalUsd).toBeGreaterThan(0);
    expect(totalUsd).toBeLessThanOrEqual((report.adapter.tokens.total * 0.75) / 1e6);
  });

  it('prints progress and the markdown report, and writes it and the HTML one next to the JSON', async () => {
    expect(io.err()).toMatch(/submitted \d+ \| settled \d+/);
    expect(io.out()).toContain('# acpt load test: PASS');
    expect(io.out()).toContain(report.accounting.line);
    expect(await readFile(join(directory, 'loadtest-report.md'), 'utf8')).toContain(
      '## Latency (ms, submission to settlement)',
    );
    expect(await readFile(join(directory, 'loadtest-report.html'), 'utf8')).toContain(report.accounting.line);
    expect(io.out()).toContain("Cost: Estimate at list price: the mock server's token counts × gpt-oss-120b");
    expect(await readFile(join(directory, 'loadtest-report.html'), 'utf8')).toContain('nothing was billed');
    expect(report.progress?.at(-1)).toMatchObject({ submitted: 500, settled: 500, outstanding: 0 });
  });
});
