import { describe, expect, it } from 'vitest';
import { createSimulation } from '../scenario/create-simulation.ts';
import { fixedHeuristicPolicy } from './fixed-heuristic-policy.ts';
import { runBaseline, summarizeOutcomes } from './run-baseline.ts';

describe('runBaseline', () => {
  it('summarises the same outcomes a manual run produces', () => {
    const simulation = createSimulation({ seed: 51 });
    const outcomes = Array.from({ length: 40 }, () => simulation.step(fixedHeuristicPolicy(simulation.observe())));
    const summary = runBaseline({ seed: 51, steps: 40, policy: fixedHeuristicPolicy });
    expect(summary).toEqual(summarizeOutcomes(outcomes));
    expect(summary.steps).toBe(40);
    const mean = outcomes.reduce((sum, outcome) => sum + outcome.kpis.sumRateBps, 0) / 40;
    expect(summary.meanSumRateBps).toBeCloseTo(mean, 3);
    expect(summary.sicFailures).toBe(outcomes.reduce((sum, outcome) => sum + outcome.kpis.sicFailures, 0));
  });

  it('summarises an empty run as zeros', () => {
    expect(summarizeOutcomes([]).meanSumRateBps).toBe(0);
  });
});
