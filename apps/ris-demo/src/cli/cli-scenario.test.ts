import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../scenario/default-scenario.ts';
import { runCli } from './run-cli.ts';

function capture() {
  let text = '';
  const write = (chunk: string): boolean => {
    text += chunk;
    return true;
  };
  return { stream: { isTTY: false, write }, text: () => text };
}

async function cli(args: string[], cwd: string) {
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(args, { stdout: stdout.stream, stderr: stderr.stream, env: {}, cwd } as never);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('the scenario on the command line', () => {
  it('prints the resolved scenario, which reads back as a scenario file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ris-scenario-'));
    const printed = await cli(['--print-scenario'], folder);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(DEFAULT_SCENARIO);
    writeFileSync(join(folder, 'small.json'), JSON.stringify({ ...JSON.parse(printed.stdout), vehicleCount: 4 }));
    const again = await cli(['--print-scenario', '--scenario', 'small.json', '--ris-elements', '64'], folder);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ vehicleCount: 4, ris: { rows: 8, columns: 8 } });
  });

  it('exits 2 listing every problem of a bad scenario file, and writes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ris-scenario-'));
    writeFileSync(join(folder, 'bad.json'), JSON.stringify({ vehicleCount: -1, ris: { bitz: 2 } }));
    const result = await cli(['--scenario', 'bad.json', '--out', 'run', '--steps', '2'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid scenario (2 problems)');
    expect(result.stderr).toContain('ris.bitz');
    expect(result.stderr).toContain('vehicleCount: must be an integer from 1 to 10000');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(folder, 'run'))).toBe(false);
    const missing = await cli(['--scenario', 'nope.json'], folder);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('(file)');
  });

  it('exits 2 (not 1) on scenario sizes out of range, naming the flag', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ris-scenario-'));
    const vehicles = await cli(['--vehicles', '20000', '--out', 'run'], folder);
    expect(vehicles.code).toBe(2);
    expect(vehicles.stderr).toContain('--vehicles (scenario.vehicleCount)');
    const elements = await cli(['--ris-elements', '1000003', '--out', 'run'], folder);
    expect(elements.code).toBe(2);
    expect(elements.stderr).toContain('--ris-elements (scenario.ris.columns)');
    expect(existsSync(join(folder, 'run'))).toBe(false);
  });

  it('exits 2 on a malformed grid, with every problem', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ris-scenario-'));
    const result = await cli(['--grid', 'risElements=64,abc;speed=3', '--out', 'run'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--grid risElements[1]');
    expect(result.stderr).toContain('--grid speed');
    expect(existsSync(join(folder, 'run'))).toBe(false);
  });

  it('prints every grid point with --print-scenario', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ris-scenario-'));
    const result = await cli(['--print-scenario', '--grid', 'vehicles=4,6;csi.nmseDb=null,-10'], folder);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { points: { label: string; scenario: { vehicleCount: number } }[] };
    expect(printed.points.map((point) => point.label)).toEqual([
      'vehicles=4_csi.nmseDb=null',
      'vehicles=4_csi.nmseDb=-10',
      'vehicles=6_csi.nmseDb=null',
      'vehicles=6_csi.nmseDb=-10',
    ]);
    expect(printed.points[3]!.scenario.vehicleCount).toBe(6);
  });

  it('runs a grid: one run per point in its own folder and a grid summary keyed by the swept parameters', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ris-grid-'));
    const result = await cli(
      ['--grid', 'risElements=16,64;vehicles=4', '--steps', '3', '--out', 'g', '--quiet'],
      folder,
    );
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(folder, 'g', 'grid-summary.json'), 'utf8'));
    expect(summary.axes).toEqual([
      { name: 'risElements', values: [16, 64] },
      { name: 'vehicles', values: [4] },
    ]);
    expect(summary.points.map((point: { parameters: unknown }) => point.parameters)).toEqual([
      { risElements: 16, vehicles: 4 },
      { risElements: 64, vehicles: 4 },
    ]);
    expect(Object.keys(summary.points[0].policies)).toContain('fixed-heuristic');
    for (const label of ['risElements=16_vehicles=4', 'risElements=64_vehicles=4']) {
      const point = JSON.parse(readFileSync(join(folder, 'g', label, 'summary.json'), 'utf8'));
      expect(point.scenario.vehicles).toBe(4);
    }
    expect(existsSync(join(folder, 'g', 'grid-summary.json.partial'))).toBe(false);
  });

  it('refuses to record or replay a grid', async () => {
    const result = await cli(['--grid', 'vehicles=4', '--mode', 'replay', '--cassette', 'c.jsonl'], tmpdir());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--grid cannot be recorded or replayed');
  });
});
