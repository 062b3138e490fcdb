import { AcptConfigError } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, resolveScenario } from './default-scenario.ts';
import { parseScenarioFile, scenarioToJson } from './scenario-file.ts';

function problems(text: string): { path: string; message: string }[] {
  try {
    parseScenarioFile(text, '/tmp/s.json');
  } catch (error) {
    if (!AcptConfigError.isInstance(error)) throw error;
    return error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
  }
  throw new Error('expected the file to be refused');
}

describe('scenario files', () => {
  it('takes any subset of fields, merged section by section over the defaults', () => {
    const overrides = parseScenarioFile(
      JSON.stringify({ vehicleCount: 24, ris: { phaseBits: 1 }, csi: { nmseDb: -20, delaySteps: 2 } }),
      's.json',
    );
    const scenario = resolveScenario(overrides);
    expect(scenario.vehicleCount).toBe(24);
    expect(scenario.ris.rows).toBe(DEFAULT_SCENARIO.ris.rows);
    expect(scenario.ris.elementPowerW).toBeCloseTo(0.0025, 15);
    expect(scenario.csi).toEqual({ nmseDb: -20, delaySteps: 2 });
    expect(parseScenarioFile('{}', 's.json')).toEqual({});
  });

  it('reads back what --print-scenario writes, Infinity included', () => {
    const scenario = resolveScenario({ ris: { vehicleHopKFactorDb: Number.POSITIVE_INFINITY } });
    const text = scenarioToJson(scenario);
    expect(text).toContain('"vehicleHopKFactorDb": "Infinity"');
    expect(resolveScenario(parseScenarioFile(text, 's.json'))).toEqual(scenario);
    expect(resolveScenario(parseScenarioFile(scenarioToJson(DEFAULT_SCENARIO), 's.json'))).toEqual(DEFAULT_SCENARIO);
  });

  it('names an unknown key by its JSON path, at the top and inside sections and lists', () => {
    expect(problems(JSON.stringify({ vehicles: 3 }))).toEqual([{ path: 'vehicles', message: expect.any(String) }]);
    expect(problems(JSON.stringify({ ris: { bits: 2 } })).map((p) => p.path)).toEqual(['ris.bits']);
    const rsus = DEFAULT_SCENARIO.rsus.map((rsu, i) => (i === 1 ? { ...rsu, power: 1 } : rsu));
    expect(problems(JSON.stringify({ rsus })).map((p) => p.path)).toEqual(['rsus[1].power']);
  });

  it('refuses wrong types and bad enum values', () => {
    expect(problems(JSON.stringify({ vehicleCount: '12' })).map((p) => p.path)).toEqual(['vehicleCount']);
    expect(problems(JSON.stringify({ channel: { pathLossModel: 'rma' } })).map((p) => p.path)).toEqual([
      'channel.pathLossModel',
    ]);
    expect(problems(JSON.stringify({ energy: { powerControl: 'yes' } })).map((p) => p.path)).toEqual([
      'energy.powerControl',
    ]);
    expect(problems('[1, 2]').map((p) => p.path)).toEqual(['(root)']);
    expect(problems('{"vehicleCount": 12,').map((p) => p.path)).toEqual(['(root)']);
  });

  it('refuses out-of-range values and cross-field violations', () => {
    expect(problems(JSON.stringify({ ris: { phaseBits: 9 } }))).toEqual([
      { path: 'ris.phaseBits', message: 'must be an integer from 1 to 8' },
    ]);
    expect(problems(JSON.stringify({ ris: { reconfigurationDelayS: 0.5 } })).map((p) => p.path)).toEqual([
      'ris.reconfigurationDelayS',
    ]);
    expect(
      problems(JSON.stringify({ channel: { pathLossModel: 'uma' }, road: { vehicleAntennaHeightM: 15 } })).map(
        (p) => p.path,
      ),
    ).toEqual(['road.vehicleAntennaHeightM']);
  });

  it('reports every problem at once: unknown keys, wrong types and out-of-range values together', () => {
    const text = JSON.stringify({
      vehicleCount: 0,
      colour: 'red',
      ris: { phaseBits: 'two', rows: 1000 },
      rsus: [{ id: 'a', position: { x: 0, y: 0, z: 10 }, txPowerW: -1 }],
      csi: { nmseDb: -100, delaySteps: 1.5 },
      energy: { maxSpectralEfficiency: null, sleepPowerPerRsuW: -2 },
    });
    expect(
      problems(text)
        .map((p) => p.path)
        .sort(),
    ).toEqual([
      'colour',
      'csi.delaySteps',
      'csi.nmseDb',
      'energy.sleepPowerPerRsuW',
      'ris.phaseBits',
      'ris.rows',
      'rsus[0].txPowerW',
      'vehicleCount',
    ]);
  });
});
