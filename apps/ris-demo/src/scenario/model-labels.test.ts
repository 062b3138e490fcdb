import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, resolveScenario } from './default-scenario.ts';
import { describeModels } from './model-labels.ts';

describe('model labels', () => {
  it('describe the default models', () => {
    expect(describeModels(DEFAULT_SCENARIO)).toEqual({
      pathLoss: '3GPP TR 38.901 UMi street canyon',
      fading: 'Rician (LOS K 9 ± 5 dB, NLOS Rayleigh)',
      csi: 'perfect (decisions on the true mean channel)',
      power: 'EARTH RSU model (P_0 10 W, ν 0.5, sleep 6.3 W), rates capped at 7.4063 bit/s/Hz, power control on',
      ris: '256 elements, 2-bit, static 1 W + 5 mW/element when reconfigured, retune every 1 step, reconfiguration delay 0 s',
    });
  });

  it('say when decisions were made on noisy or stale estimates and name the optional models', () => {
    const labels = describeModels(
      resolveScenario({
        csi: { nmseDb: -10, delaySteps: 2 },
        channel: { pathLossModel: 'uma', smallScaleFading: 'nakagami', nakagamiM: 2 },
        energy: { maxSpectralEfficiency: null, powerControl: false },
      }),
    );
    expect(labels.csi).toBe('estimated: NMSE -10 dB, 2 steps stale');
    expect(labels.pathLoss).toBe('3GPP TR 38.901 UMa');
    expect(labels.fading).toBe('Nakagami-m (m = 2) direct links, Rician RIS hop');
    expect(labels.power).toContain('no rate cap, power control off');
    expect(describeModels(resolveScenario({ csi: { delaySteps: 1 } })).csi).toBe('estimated: NMSE none, 1 step stale');
  });
});
