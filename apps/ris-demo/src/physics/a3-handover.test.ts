import { describe, expect, it } from 'vitest';
import { createA3State, l3Filter, l3FilterWeight, updateA3 } from './a3-handover.ts';

const parameters = { hysteresisDb: 1, a3OffsetDb: 3, timeToTriggerS: 0.16 };

/** Runs A3 on Δ = Mn − Mp samples taken every 40 ms from t = 0 and returns the first trigger time, s. */
function firstTrigger(deltas: readonly number[]): number | null {
  const state = createA3State();
  for (const [index, delta] of deltas.entries()) {
    if (updateA3(state, -80 + delta, -80, index * 0.04, parameters)) {
      return index * 0.04;
    }
  }
  return null;
}

describe('TS 38.331 event A3 with layer-3 filtering', () => {
  it('triggers at 240 ms on the physics.md example (Off 3 dB, Hys 1 dB, TTT 160 ms)', () => {
    expect(firstTrigger([0, 2, 4.5, 5, 5.5, 6, 6, 6, 6, 6, 6])).toBeCloseTo(0.24, 12);
  });

  it('uses a strict > and resets the timer on any failing sample', () => {
    expect(firstTrigger([4, 4, 4, 4, 4, 4, 4, 4])).toBeNull();
    expect(firstTrigger([5, 5, 5, 5, 3, 5, 5, 5, 5, 5])).toBeCloseTo(0.36, 12);
  });

  it('stays triggered until the leaving condition Mn + Hys < Mp + Off holds', () => {
    const state = createA3State();
    const step = (delta: number, time: number): boolean => updateA3(state, delta, 0, time, parameters);
    step(5, 0);
    step(5, 0.2);
    expect(state.triggered).toBe(true);
    expect(step(3, 0.24)).toBe(true);
    expect(step(1.9, 0.28)).toBe(false);
    expect(state.enteringSinceS).toBeNull();
  });

  it('triggers on the first entering sample when TTT = 0', () => {
    const state = createA3State();
    expect(updateA3(state, 10, 0, 0, { ...parameters, timeToTriggerS: 0 })).toBe(true);
  });

  it('filters with a = 1/2^(k/4): k = 4 → 1/2, first sample initialises', () => {
    expect(l3FilterWeight(4)).toBe(0.5);
    expect(l3FilterWeight(0)).toBe(1);
    expect(l3Filter(null, -90, 0.5)).toBe(-90);
    expect(l3Filter(-90, -80, 0.5)).toBe(-85);
  });
});
