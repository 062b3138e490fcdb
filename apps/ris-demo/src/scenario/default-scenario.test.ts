import { AcptConfigError } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, resolveScenario } from './default-scenario.ts';

describe('default scenario', () => {
  it('has at least 12 vehicles, 3 RSUs at 10 m and a 16 × 16 λ/2 RIS with 2-bit phases', () => {
    expect(DEFAULT_SCENARIO.vehicleCount).toBeGreaterThanOrEqual(12);
    expect(DEFAULT_SCENARIO.rsus).toHaveLength(3);
    expect(DEFAULT_SCENARIO.rsus.every((rsu) => rsu.position.z === 10)).toBe(true);
    expect(DEFAULT_SCENARIO.ris.rows * DEFAULT_SCENARIO.ris.columns).toBe(256);
    expect(DEFAULT_SCENARIO.ris.elementSpacingWavelengths).toBe(0.5);
    expect(DEFAULT_SCENARIO.ris.phaseBits).toBe(2);
    expect(resolveScenario()).toEqual(DEFAULT_SCENARIO);
  });

  it('merges overrides section by section and derives P_elem(b) when only b changes', () => {
    const scenario = resolveScenario({ vehicleCount: 48, ris: { rows: 32, columns: 32, phaseBits: 1 } });
    expect(scenario.vehicleCount).toBe(48);
    expect(scenario.ris.rows * scenario.ris.columns).toBe(1024);
    expect(scenario.ris.centre).toEqual(DEFAULT_SCENARIO.ris.centre);
    expect(scenario.ris.elementPowerW).toBeCloseTo(0.0025, 15);
    expect(resolveScenario({ ris: { phaseBits: 1, elementPowerW: 0.001 } }).ris.elementPowerW).toBe(0.001);
  });

  it('rejects invalid fields all at once with their paths', () => {
    let caught: unknown;
    try {
      resolveScenario({ vehicleCount: 0, ris: { phaseBits: 9 }, handover: { hysteresisDb: 20 } });
    } catch (error) {
      caught = error;
    }
    expect(AcptConfigError.isInstance(caught)).toBe(true);
    const paths = (caught as AcptConfigError).issues.map((issue) => issue.path);
    expect(paths).toEqual(['scenario.vehicleCount', 'scenario.ris.phaseBits', 'scenario.handover.hysteresisDb']);
  });

  it('rejects a time step too short for independent fast fading per step (Δt < 5 T_c)', () => {
    expect(() => resolveScenario({ timeStepS: 0.01 })).toThrow(/coherence times/);
    expect(() => resolveScenario({ rsus: [] })).toThrow(/scenario.rsus/);
  });

  it('refuses scenarios whose vehicles × RIS elements would not fit in memory', () => {
    expect(() => resolveScenario({ vehicleCount: 10_000, ris: { rows: 256, columns: 256 } })).toThrow(
      /vehicles × RIS elements/,
    );
    expect(() => resolveScenario({ vehicleCount: 64, ris: { rows: 256, columns: 256 } })).not.toThrow();
  });
});
