import { AcptConfigError } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './default-scenario.ts';
import { expandGrid, MAX_GRID_POINTS, mergeOverrides, parseGrid } from './scenario-grid.ts';

function gridProblems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (!AcptConfigError.isInstance(error)) throw error;
    return error.issues.map((issue) => issue.path);
  }
  throw new Error('expected the grid to be refused');
}

describe('parameter grids', () => {
  it('parses aliases and scenario paths with values typed by the field', () => {
    expect(parseGrid('risElements=64,256,1024; vehicles=8,16')).toEqual([
      { name: 'risElements', values: [64, 256, 1024] },
      { name: 'vehicles', values: [8, 16] },
    ]);
    expect(parseGrid('energy.powerControl=true,false;csi.nmseDb=null,-20;channel.pathLossModel=umi,uma')).toEqual([
      { name: 'energy.powerControl', values: [true, false] },
      { name: 'csi.nmseDb', values: [null, -20] },
      { name: 'channel.pathLossModel', values: ['umi', 'uma'] },
    ]);
  });

  it('expands the cross product in row-major order, each point merged over the base and resolved', () => {
    const points = expandGrid(parseGrid('risElements=64,1024;vehicles=8,16,24'), { ris: { phaseBits: 1 } });
    expect(points.map((point) => point.label)).toEqual([
      'risElements=64_vehicles=8',
      'risElements=64_vehicles=16',
      'risElements=64_vehicles=24',
      'risElements=1024_vehicles=8',
      'risElements=1024_vehicles=16',
      'risElements=1024_vehicles=24',
    ]);
    expect(points.map((point) => point.index)).toEqual([0, 1, 2, 3, 4, 5]);
    const last = points[5]!;
    expect(last.parameters).toEqual({ risElements: 1024, vehicles: 24 });
    expect(last.scenario.ris).toMatchObject({ rows: 32, columns: 32, phaseBits: 1 });
    expect(last.scenario.vehicleCount).toBe(24);
    expect(points[0]!.scenario.ris).toMatchObject({ rows: 8, columns: 8 });
  });

  it('sets every RSU power with txPowerW and keeps the base list of RSUs', () => {
    const [point] = expandGrid(parseGrid('txPowerW=0.5'));
    expect(point!.scenario.rsus.map((rsu) => rsu.txPowerW)).toEqual([0.5, 0.5, 0.5]);
    expect(point!.scenario.rsus.map((rsu) => rsu.id)).toEqual(DEFAULT_SCENARIO.rsus.map((rsu) => rsu.id));
  });

  it('reports every problem of the spec at once', () => {
    expect(
      gridProblems(() => parseGrid('risElements=64,x,64;colour=red;vehicles;ris=1;vehicles=8;;csi.delaySteps=')),
    ).toEqual([
      '--grid risElements[1]',
      '--grid risElements[2]',
      '--grid colour',
      '--grid axis 3',
      '--grid ris',
      '--grid axis 6',
      '--grid csi.delaySteps[0]',
    ]);
    expect(gridProblems(() => parseGrid(''))).toEqual(['--grid ']);
    expect(gridProblems(() => parseGrid('vehicles=1,2;vehicles=3'))).toEqual(['--grid vehicles']);
  });

  it('refuses grids beyond the point limit', () => {
    const values = (count: number) => Array.from({ length: count }, (_, i) => i + 1).join(',');
    const spec = `vehicles=${values(40)};risElements=${values(30)}`;
    expect(40 * 30).toBeGreaterThan(MAX_GRID_POINTS);
    expect(gridProblems(() => parseGrid(spec))).toEqual(['--grid ']);
  });

  it('names each invalid point and field, all points at once', () => {
    expect(gridProblems(() => expandGrid(parseGrid('vehicles=0,8;ris.phaseBits=2,9')))).toEqual([
      '--grid point vehicles=0_ris.phaseBits=2: scenario.vehicleCount',
      '--grid point vehicles=0_ris.phaseBits=9: scenario.vehicleCount',
      '--grid point vehicles=0_ris.phaseBits=9: scenario.ris.phaseBits',
      '--grid point vehicles=8_ris.phaseBits=9: scenario.ris.phaseBits',
    ]);
  });

  it('refuses element counts that are not positive integers instead of looping on them', () => {
    expect(gridProblems(() => expandGrid(parseGrid('risElements=-4,64.5,0')))).toEqual([
      '--grid point risElements=-4: scenario.ris.columns',
      '--grid point risElements=64.5: scenario.ris.columns',
      '--grid point risElements=0: scenario.ris.columns',
    ]);
  });

  it('merges overrides section by section', () => {
    expect(mergeOverrides({ ris: { rows: 4 }, vehicleCount: 3 }, { ris: { columns: 5 } })).toEqual({
      ris: { rows: 4, columns: 5 },
      vehicleCount: 3,
    });
  });
});
