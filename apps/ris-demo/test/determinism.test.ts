import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemoProcess } from './run-demo-process.ts';

describe('mock mode is reproducible to the byte', () => {
  it('writes identical steps.jsonl, steps.csv and summary.json from two processes with the same command', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ris-determinism-'));
    // The same command line (a relative --out) run from two folders: summary.json records the command line.
    const run = (name: string, seed: string) =>
      runDemoProcess(['--steps', '40', '--seed', seed, '--out', 'out', '--quiet'], { INIT_CWD: join(root, name) });
    const results = [await run('a', '11'), await run('b', '11'), await run('c', '12')];
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    const read = (name: string, file: string) => readFileSync(join(root, name, 'out', file));
    for (const file of ['steps.jsonl', 'steps.csv', 'summary.json']) {
      expect(read('a', file).equals(read('b', file)), `${file} differs between two runs`).toBe(true);
      expect(read('a', file).equals(read('c', file)), `${file} ignores the seed`).toBe(false);
    }
    const lines = read('a', 'steps.jsonl').toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(40);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({
      schemaVersion: 2,
      policy: 'scripted-agents',
      step: 0,
      llm: { outcome: 'ok', transports: ['acpt.mock'], model: null, measured: null },
    });
    // The mock latency is virtual: kept only under adapterPath, never as a measurement.
    expect(first.llm.adapterPath.latencyMs).toBeGreaterThan(100);
    expect(first.kpis.decisionLatencyMs).toBeNull();
    const summary = JSON.parse(read('a', 'summary.json').toString('utf8'));
    expect(summary.provenance.commandLine).toEqual([
      'ris-demo',
      '--steps',
      '40',
      '--seed',
      '11',
      '--out',
      'out',
      '--quiet',
    ]);
    expect(summary.provenance.configSha256).not.toBe(
      JSON.parse(read('c', 'summary.json').toString('utf8')).provenance.configSha256,
    );
    expect(summary.status).toBe('complete');
  }, 120_000);

  it('fails with a usage message and exit code 2 on a bad argument', async () => {
    const result = await runDemoProcess(['--steps', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--steps must be an integer');
    expect(result.stderr).toContain('Usage: pnpm demo');
  });
});
