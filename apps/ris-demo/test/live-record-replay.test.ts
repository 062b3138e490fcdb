import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockCerebrasServer, type MockCerebrasServer } from '@acpt/transport-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockResponder } from '../src/agents/mock-responder.ts';
import type { StepRecord } from '../src/report/step-record.ts';
import { openReport } from './headless-report.ts';
import { runDemoProcess } from './run-demo-process.ts';

const SEED = 21;
const KEY = 'csk-test-live-key';
let server: MockCerebrasServer;
let root: string;

beforeAll(async () => {
  // The mock Cerebras endpoint answers with the demo's mock decisions for the run's seed, over real HTTP.
  server = await createMockCerebrasServer({ seed: SEED, responder: createMockResponder(), apiKey: KEY });
  root = mkdtempSync(join(tmpdir(), 'ris-live-'));
});
afterAll(async () => {
  await server.close();
});

const read = (name: string, file: string): string => readFileSync(join(root, name, file), 'utf8');
const records = (name: string): StepRecord[] =>
  read(name, 'steps.jsonl')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as StepRecord);

/** A record without the fields that legitimately differ between a live run and its replay: wall time and transport. */
function withoutClockAndTransport(record: StepRecord): object {
  const { measured, transports: _transports, ...llm } = record.llm;
  const { latencyMs: _latency, budgetExceeded: _budget, clock: _clock, ...tokens } = measured!;
  const { decisionLatencyMs: _decision, ...kpis } = record.kpis;
  return { ...record, llm: { ...llm, tokens }, kpis };
}

describe('live mode over HTTP, recorded and replayed', () => {
  it('runs through the real transport against the mock server, then replays the cassette to the same outputs', async () => {
    const cassette = join(root, 'run.cassette.jsonl');
    // No oracle in the live/replay runs (it does not touch the model exchanges); the mock run below keeps it.
    const common = ['--steps', '25', '--seed', String(SEED), '--quiet', '--no-oracle'];
    const live = await runDemoProcess(
      [...common, '--mode', 'live', '--base-url', server.url, '--record', cassette, '--out', join(root, 'live')],
      { CEREBRAS_API_KEY: KEY },
    );
    expect(live, live.stderr).toMatchObject({ code: 0 });
    expect(server.requestCount).toBe(75);
    expect(readFileSync(cassette, 'utf8')).not.toContain(KEY);

    const replays = [
      await runDemoProcess([...common, '--mode', 'replay', '--cassette', cassette, '--out', join(root, 'replay-1')]),
      await runDemoProcess([...common, '--mode', 'replay', '--cassette', cassette, '--out', join(root, 'replay-2')]),
    ];
    for (const replay of replays) expect(replay, replay.stderr).toMatchObject({ code: 0 });
    expect(server.requestCount).toBe(75);

    // Replays are deterministic to the byte (virtual time from the recorded durations).
    expect(read('replay-1', 'steps.jsonl')).toBe(read('replay-2', 'steps.jsonl'));
    // summary.json equal too, but for the command line it records (another --out).
    const withoutCommandLine = (name: string) => {
      const { provenance, ...rest } = JSON.parse(read(name, 'summary.json'));
      const { commandLine: _commandLine, ...kept } = provenance;
      return { ...rest, provenance: kept };
    };
    expect(withoutCommandLine('replay-1')).toEqual(withoutCommandLine('replay-2'));
    expect(read('replay-1', 'steps.csv')).toBe(read('replay-2', 'steps.csv'));
    // The replay reproduces the live run: same decisions, actions, KPIs, tokens and attempts.
    expect(records('replay-1').map(withoutClockAndTransport)).toEqual(records('live').map(withoutClockAndTransport));
    expect(records('live')[0]!.llm.transports).toEqual(['cerebras']);
    expect(records('replay-1')[0]!.llm.transports).toEqual(['acpt.replay']);

    // And the live path decided exactly as mock mode does with the same seed.
    const mock = await runDemoProcess(['--steps', '25', '--seed', String(SEED), '--out', join(root, 'mock')]);
    expect(mock, mock.stderr).toMatchObject({ code: 0 });
    const decisions = (name: string) => records(name).map((record) => [record.actions, record.kpis.sumRateBps]);
    expect(decisions('live')).toEqual(decisions('mock'));
    // Labels: live and replay name the model and carry measured figures; mock mode says scripted rules decided.
    const summary = (name: string) => JSON.parse(read(name, 'summary.json'));
    expect(summary('live').decisions).toMatchObject({
      policy: 'llm-agents',
      label: 'llm-agents',
      model: 'gpt-oss-120b',
    });
    expect(summary('replay-1').decisions).toMatchObject({ label: 'llm-agents (replay)', clock: 'recorded' });
    expect(summary('mock').decisions).toMatchObject({ label: 'scripted-agents (mock)', model: 'none — mock rules' });
    expect(summary('live').llm).toMatchObject({ measured: { clock: 'wall' }, adapterPath: null });
    expect(summary('mock').llm).toMatchObject({ measured: null, adapterPath: { clock: 'virtual' } });
    expect(Object.keys(summary('live').policies)[0]).toBe('llm-agents');
    expect(Object.keys(summary('mock').policies)).toEqual([
      'scripted-agents',
      'scripted-rules',
      'fixed-heuristic',
      'random',
      'closed-form',
      'oracle',
    ]);
    expect(records('live')[0]!.llm).toMatchObject({ model: 'gpt-oss-120b', adapterPath: null });
    expect(records('mock')[0]!.llm).toMatchObject({ model: null, measured: null, adapterPath: { clock: 'virtual' } });
    expect(records('mock')[0]!.kpis.decisionLatencyMs).toBeNull();
    expect(read('live', 'report.html')).toContain('model gpt-oss-120b, asked live');
    const mockReport = read('mock', 'report.html');
    expect(mockReport).toContain('scripted-agents (mock)');
    expect(mockReport).toContain('none — mock rules');
    expect(mockReport).not.toContain('data-chart="llm-latency"');
    expect(mock.stdout).toContain('n/a (mock)');
    // The only mention of a model id in mock mode is the list price the cost estimate is priced at.
    expect(mock.stdout).toContain('decisions: scripted-agents (mock), model none — mock rules');
    expect(mock.stdout).not.toMatch(/decisions:[^\n]*gpt-oss/);

    // Each report says what decided and on which clock; only mock mode hides the (synthetic) latency chart.
    expect(read('live', 'report.html')).toContain("Live mode: the agents' decisions come from model gpt-oss-120b");
    expect(read('replay-1', 'report.html')).toContain('recorded durations replayed on a virtual clock');
    expect(read('replay-1', 'report.html')).toContain('data-chart="llm-latency"');
    expect(read('mock', 'report.html')).toContain('Mock mode: no language model decided anything');
    expect(read('mock', 'report.html')).not.toContain('data-chart="llm-latency"');

    // A replay that is not the recorded run (another seed) stops at once and says why.
    const mismatch = await runDemoProcess([
      ...['--steps', '25', '--seed', String(SEED + 1), '--quiet'],
      ...['--mode', 'replay', '--cassette', cassette, '--out', join(root, 'mismatch')],
    ]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain('No recorded exchange in');
    // The failed run's outputs say so (nothing from another run with a final name).
    expect(JSON.parse(read('mismatch', 'summary.json')).status).toBe('failed');
  }, 120_000);

  it('draws the measured decision latency of a live run in Chromium (its own test: a browser launch is slow under load)', async () => {
    const out = join(root, 'live-report');
    const live = await runDemoProcess(
      ['--steps', '10', '--seed', String(SEED), '--quiet', '--mode', 'live', '--base-url', server.url, '--out', out],
      { CEREBRAS_API_KEY: KEY },
    );
    expect(live, live.stderr).toMatchObject({ code: 0 });
    const liveReport = await openReport(join(out, 'report.html'), 'report-live.png');
    const latency = liveReport.charts.find((chart) => chart.id === 'llm-latency');
    expect(latency?.label).toContain('wall clock');
    expect(Math.max(...(latency?.marks ?? [0]))).toBeGreaterThan(10);
    expect(liveReport.text).not.toContain('Mock mode');
    expect(liveReport.errors).toEqual([]);
    expect(liveReport.requests).toEqual([liveReport.url]);
  });

  it('refuses to start live mode with a retired model, naming the available ones', async () => {
    const result = await runDemoProcess(
      ['--steps', '2', '--mode', 'live', '--base-url', server.url, '--model', 'qwen-3-32b', '--out', join(root, 'x')],
      { CEREBRAS_API_KEY: KEY },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Model "qwen-3-32b" is not available');
    expect(result.stderr).toContain('gpt-oss-120b');
    expect(result.stderr).not.toContain(KEY);
  });

  it('refuses live mode without an API key', async () => {
    const result = await runDemoProcess(['--steps', '2', '--mode', 'live', '--base-url', server.url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/apiKey/);
  });
});
