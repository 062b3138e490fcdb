import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMultiSeed } from './multi-seed.ts';

describe('runMultiSeed', () => {
  it('reports a seed whose job throws as failed, with its error, and still writes every output', async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'ris-multi-')), 'run');
    const result = await runMultiSeed({
      seeds: [1, 2],
      job: { steps: 3, scenario: { vehicleCount: -5 }, oracle: false },
      outDir,
      threads: 2,
    });
    expect(result.summary.status).toBe('failed');
    expect(result.summary.seeds).toMatchObject({ completed: [], missing: [1, 2] });
    expect(result.summary.seeds.failed.map((failure) => failure.seed)).toEqual([1, 2]);
    expect(result.summary.seeds.failed[0]!.error).toMatch(/vehicleCount/);
    for (const file of ['summary.json', 'per-seed.csv', 'per-seed.json', 'seeds/seed-1.json']) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(outDir, 'seeds/seed-2.json'), 'utf8')).status).toBe('failed');
  }, 120_000);

  it('stops at once when the signal is already aborted, listing every seed as missing', async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'ris-multi-')), 'run');
    const result = await runMultiSeed({
      seeds: [4, 5],
      job: { steps: 3 },
      outDir,
      signal: AbortSignal.abort('SIGINT'),
    });
    expect(result.summary).toMatchObject({ status: 'interrupted', seeds: { completed: [], missing: [4, 5] } });
  }, 120_000);
});
