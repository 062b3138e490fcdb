import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReport } from './headless-report.ts';
import { runDemoProcess } from './run-demo-process.ts';
import { spawnDemo, waitFor } from './spawn-demo.ts';

const root = mkdtempSync(join(tmpdir(), 'ris-seeds-'));
const read = (folder: string, file: string): Buffer => readFileSync(join(root, folder, file));

describe('multi-seed experiments', () => {
  it('write the same bytes from other processes and other thread counts', async () => {
    const run = (name: string, threads: string) =>
      runDemoProcess(['--seeds', '3,1,2', '--steps', '12', '--threads', threads, '--out', join(root, name), '--quiet']);
    const results = [await run('one', '1'), await run('two', '2')];
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    for (const file of [
      'per-seed.csv',
      'per-seed.json',
      'seeds/seed-1.json',
      'seeds/seed-2.json',
      'seeds/seed-3.json',
    ]) {
      expect(read('one', file).equals(read('two', file)), `${file} differs between thread counts`).toBe(true);
    }
    // summary.json records the command line as given (other --threads and --out); everything else is equal.
    const summary = (name: string) => {
      const parsed = JSON.parse(read(name, 'summary.json').toString('utf8'));
      const { commandLine, ...provenance } = parsed.provenance;
      expect(commandLine).toContain('--threads');
      return { ...parsed, provenance };
    };
    expect(summary('one')).toEqual(summary('two'));
    const parsed = summary('one');
    expect(parsed).toMatchObject({
      kind: 'multi-seed',
      status: 'complete',
      seeds: { completed: [1, 2, 3], missing: [] },
    });
    expect(parsed.provenance.configSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(parsed.provenance.node).toBe(process.version);
    expect(parsed.pairedDifferences['scripted-rules'].meanSumRateBps).toMatchObject({ mean: 0, ties: 3 });
    expect(Object.keys(parsed.pairedDifferences)).toEqual([
      'scripted-rules',
      'fixed-heuristic',
      'random',
      'closed-form',
      'oracle',
    ]);
    const csv = read('one', 'per-seed.csv').toString('utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(1 + 3 * 6);
    expect(csv[1]).toMatch(/^1,complete,12,scripted-agents,scripted-agents \(mock\),agents,/);
    // The multi-seed report: every chart draws marks in headless Chromium, no error, no request but the page.
    expect(read('one', 'report.html').equals(read('two', 'report.html'))).toBe(true);
    const report = await openReport(join(root, 'one', 'report.html'), 'multi-seed-report.png');
    expect(report.charts.length).toBeGreaterThan(2);
    // Bar charts with error bars are measured mark by mark; the paired-difference interval charts are present.
    for (const chart of report.charts) {
      expect(chart.hasTitle, chart.id).toBe(true);
      if (!chart.id.startsWith('ms-diff-')) expect(chart.marks.length, chart.id).toBeGreaterThan(0);
    }
    expect(report.charts.filter((chart) => chart.id.startsWith('ms-diff-')).length).toBe(3);
    expect(report.errors).toEqual([]);
    expect(report.requests).toEqual([report.url]);
    expect(report.text).toContain('scripted-agents (mock)');
  }, 120_000);

  it('runs a grid × seeds: every point on every seed, one grid summary with intervals', async () => {
    const out = join(root, 'grid');
    const result = await runDemoProcess([
      ...['--grid', 'vehicles=3,4', '--seeds', '1,2', '--steps', '6', '--no-oracle', '--threads', '2'],
      ...['--out', out, '--quiet'],
    ]);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    const grid = JSON.parse(readFileSync(join(out, 'grid-summary.json'), 'utf8'));
    expect(grid).toMatchObject({ kind: 'grid-multi-seed', status: 'complete', seeds: [1, 2], missingPoints: [] });
    expect(grid.points.map((point: { parameters: unknown }) => point.parameters)).toEqual([
      { vehicles: 3 },
      { vehicles: 4 },
    ]);
    for (const point of grid.points) {
      expect(point.seeds.completed).toEqual([1, 2]);
      expect(point.policies['fixed-heuristic'].kpis.meanSumRateBps.n).toBe(2);
      expect(existsSync(join(out, point.outDir, 'per-seed.csv'))).toBe(true);
    }
  }, 120_000);

  it('refuses a malformed seed list with every problem, writing nothing', async () => {
    const out = join(root, 'bad');
    const result = await runDemoProcess(['--seeds', '1..x,,9..3', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('part 1 "1..x": "x" is not a non-negative integer');
    expect(result.stderr).toContain('part 2 "" is empty');
    expect(result.stderr).toContain('part 3 "9..3" is a reversed range');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('on SIGINT keeps the finished seeds, says which are missing and leaves nothing half-written', async () => {
    const out = join(root, 'interrupted');
    const demo = spawnDemo(['--seeds', '1..40', '--steps', '150', '--threads', '1', '--no-oracle', '--out', out]);
    const started = await waitFor(() => existsSync(join(out, 'seeds')) && readdirSync(join(out, 'seeds')).length >= 1);
    expect(started, 'no seed finished in time').toBe(true);
    demo.child.kill('SIGINT');
    const result = await demo.exited;
    expect(result.code, result.stderr).toBe(130);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.status).toBe('interrupted');
    expect(summary.seeds.missing.length).toBeGreaterThan(0);
    expect(summary.seeds.completed.length + summary.seeds.missing.length).toBe(40);
    const files = readdirSync(join(out, 'seeds'));
    expect(files.sort()).toEqual(summary.seeds.completed.map((seed: number) => `seed-${seed}.json`).sort());
    for (const file of files)
      expect(JSON.parse(readFileSync(join(out, 'seeds', file), 'utf8')).status).toBe('complete');
    expect([...readdirSync(out), ...files].filter((file) => file.includes('partial'))).toEqual([]);
    expect(result.stderr).toContain('missing seeds:');
  }, 120_000);
});
