import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemoProcess } from './run-demo-process.ts';

describe('mock mode is reproducible to the byte', () => {
  it('writes identical steps.jsonl and summary.json from two processes with the same seed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ris-determinism-'));
    const run = (name: string, seed: string) =>
      runDemoProcess(['--steps', '40', '--seed', seed, '--out', join(root, name), '--quiet']);
    const results = [await run('a', '11'), await run('b', '11'), await run('c', '12')];
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    const read = (name: string, file: string) => readFileSync(join(root, name, file));
    for (const file of ['steps.jsonl', 'summary.json']) {
      expect(read('a', file).equals(read('b', file)), `${file} differs between two runs`).toBe(true);
      expect(read('a', file).equals(read('c', file)), `${file} ignores the seed`).toBe(false);
    }
    const lines = read('a', 'steps.jsonl').toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(40);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ schemaVersion: 1, step: 0, llm: { outcome: 'ok', transports: ['acpt.mock'] } });
    expect(first.llm.latencyMs).toBeGreaterThan(100);
  });

  it('fails with a usage message and exit code 2 on a bad argument', async () => {
    const result = await runDemoProcess(['--steps', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--steps must be an integer');
    expect(result.stderr).toContain('Usage: pnpm demo');
  });
});
