import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemoProcess } from './run-demo-process.ts';
import { partialLines, spawnDemo, waitFor } from './spawn-demo.ts';

describe('an interrupted single run', () => {
  it('replaces the previous outputs with the finished steps, marked interrupted, and nothing half-written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ris-interrupt-')), 'run');
    const first = await runDemoProcess(['--steps', '5', '--out', out, '--quiet', '--no-oracle']);
    expect(first, first.stderr).toMatchObject({ code: 0 });
    const demo = spawnDemo(['--steps', '100000', '--out', out, '--quiet', '--no-oracle']);
    // Finished steps reach the (hidden, partial) steps file at once: no 64 KiB buffer to lose.
    expect(await waitFor(() => partialLines(out, 'steps.jsonl') >= 8), 'no steps written').toBe(true);
    demo.child.kill('SIGTERM');
    const result = await demo.exited;
    expect(result.code, result.stderr).toBe(143);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.status).toBe('interrupted');
    const steps = summary.policies['scripted-agents'].kpis.steps;
    expect(steps).toBeGreaterThanOrEqual(8);
    expect(steps).toBeLessThan(100000);
    const lines = readFileSync(join(out, 'steps.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(steps);
    expect(JSON.parse(lines[steps - 1]!).step).toBe(steps - 1);
    // Every baseline ran as many steps, on the same seed.
    for (const policy of Object.values(summary.policies) as { kpis: { steps: number } }[])
      expect(policy.kpis.steps).toBe(steps);
    const csv = readFileSync(join(out, 'steps.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(1 + steps * Object.keys(summary.policies).length);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('interrupted');
    expect(readdirSync(out).filter((file) => file.includes('partial'))).toEqual([]);
    expect(result.stderr).toContain('interrupted after');
  }, 120_000);
});
