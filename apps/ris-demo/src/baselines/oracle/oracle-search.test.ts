import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionUtility, coordinate, proposalsOf } from '../../orchestrator/coordinator.ts';
import { DEFAULT_KPI_WEIGHTS, type KpiWeights } from '../../orchestrator/kpi-weights.ts';
import { createRandom } from '../../physics/random.ts';
import { createSimulation } from '../../scenario/create-simulation.ts';
import type { ScenarioOverrides, Simulation } from '../../scenario/types.ts';
import { closedFormPolicy } from '../closed-form-policy.ts';
import { fixedHeuristicPolicy } from '../fixed-heuristic-policy.ts';
import type { Policy } from '../policy.ts';
import { randomPolicy } from '../random-policy.ts';
import { scriptedRulesPolicy } from '../scripted-rules-policy.ts';
import { oraclePolicy } from './oracle-policy.ts';
import type { OracleDecision } from './oracle-search.ts';
import { domainSubsets } from './oracle-search.ts';

/** Every other policy's utility at the same state (raw and through the coordinator) never beats the oracle's. */
function checkSteps(options: {
  readonly seed: number;
  readonly steps: number;
  readonly scenario?: ScenarioOverrides;
  readonly weights: KpiWeights;
  /** Compare with the random policy too (guaranteed where the search is exhaustive: it draws from the same space). */
  readonly withRandom: boolean;
}): OracleDecision[] {
  const simulation: Simulation = createSimulation({ seed: options.seed, scenario: options.scenario });
  const decisions: OracleDecision[] = [];
  const oracle = oraclePolicy({
    simulation,
    weights: options.weights,
    seed: options.seed,
    scenario: simulation.scenario,
    onDecision: (decision) => decisions.push(decision),
  });
  const others: [string, Policy][] = [
    ['fixed-heuristic', fixedHeuristicPolicy],
    ['closed-form', closedFormPolicy()],
    ['scripted-rules', scriptedRulesPolicy({ seed: options.seed, scenario: simulation.scenario })],
    ...(options.withRandom
      ? ([['random', randomPolicy(createRandom(options.seed, [101]))]] as [string, Policy][])
      : []),
  ];
  // The trajectory is driven by a second random policy, so the states visited are varied.
  const driver = randomPolicy(createRandom(options.seed, [7]));
  for (let step = 0; step < options.steps; step += 1) {
    const observation = simulation.observe();
    oracle(observation);
    const best = decisions[decisions.length - 1]!;
    expect(best.utility).toBeCloseTo(actionUtility(simulation, best.actions, options.weights), 12);
    for (const [name, policy] of others) {
      const actions = policy(observation);
      const coordinated = coordinate(simulation, proposalsOf(actions), options.weights).actions;
      for (const candidate of [actions, coordinated]) {
        const utility = actionUtility(simulation, candidate, options.weights);
        // Rounding only: every one of these actions is a starting point or inside the exhaustively searched space.
        expect(best.utility, `${name} beat the oracle at step ${step} (seed ${options.seed})`).toBeGreaterThanOrEqual(
          utility - 1e-12 - 1e-9 * Math.abs(utility),
        );
      }
    }
    simulation.step(driver(observation));
  }
  return decisions;
}

const weightsArbitrary = fc
  .tuple(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0.05, max: 1, noNaN: true }),
  )
  .map(([energy, fairness, latency]) => {
    const total = energy + fairness + latency;
    return { energy: energy / total, fairness: fairness / total, latency: latency / total };
  });

describe('the oracle', () => {
  it('is at least as good as every other policy on every step of small scenarios (exhaustive search)', () => {
    // Rule policies (continuous α, weighted favour sets) are starting points of the search; the random policy draws
    // from the searched space. Either way the oracle is never below them.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 2, max: 3 }),
        weightsArbitrary,
        (seed, vehicles, weights) => {
          const decisions = checkSteps({
            seed,
            steps: 12,
            scenario: { vehicleCount: vehicles },
            weights,
            withRandom: true,
          });
          expect(decisions.every((decision) => decision.mode === 'exhaustive')).toBe(true);
        },
      ),
      { numRuns: 10 },
    );
  }, 120_000);

  it('stays above the rule policies with the alternating search on the default scenario', () => {
    const decisions = checkSteps({ seed: 4, steps: 8, weights: DEFAULT_KPI_WEIGHTS, withRandom: false });
    expect(decisions.every((decision) => decision.mode === 'alternating')).toBe(true);
    expect(decisions.some((decision) => decision.utility > 0)).toBe(true);
  }, 120_000);

  it('offers every domain subset of a proposal (what a coordinator may approve)', () => {
    const subsets = domainSubsets({ ris: { favour: [] }, noma: { pairs: [] }, v2i: { handovers: [] } });
    expect(subsets).toHaveLength(8);
    expect(subsets.map((subset) => Object.keys(subset).sort().join('+')).sort()).toEqual(
      ['', 'noma', 'noma+ris', 'noma+ris+v2i', 'noma+v2i', 'ris', 'ris+v2i', 'v2i'].sort(),
    );
  });
});
