/**
 * Bench: cost of the physics options on the simulation step, measured with the fixed-heuristic baseline (no LLM
 * side) on the default scenario. Each row is steps per second and the ratio to a same-run baseline: the legacy power
 * model (no power control, no rate cap, constant RIS power), which computes one service pass per step like the code
 * before the dynamic power model. Rounds are interleaved and the best of 5 is kept. Run: `node --conditions=@acpt/source bench/physics-options.ts`.
 */
import { DEMO_BASELINES, runBaseline } from '../src/orchestrator/baseline-run.ts';
import type { ScenarioOverrides } from '../src/scenario/types.ts';

const STEPS = 400;
const REPEATS = 5;
const heuristic = DEMO_BASELINES.find((baseline) => baseline.name === 'fixed-heuristic')!;
const legacy: ScenarioOverrides = {
  energy: { powerControl: false, maxSpectralEfficiency: null },
  ris: { staticPowerW: 0, elementPowerMode: 'always' },
};
const cases: readonly (readonly [string, ScenarioOverrides])[] = [
  ['legacy power model (baseline)', legacy],
  ['default (EARTH, cap, power control)', {}],
  ['imperfect CSI (NMSE −10 dB, 2 steps stale)', { csi: { nmseDb: -10, delaySteps: 2 } }],
  ['RIS reconfiguration delay 50 ms', { ris: { reconfigurationDelayS: 0.05 } }],
  [
    'UMa (25 m RSUs)',
    {
      channel: { pathLossModel: 'uma', shadowingSigmaNlosDb: 6 },
      rsus: [100, 300, 500].map((x, i) => ({ id: `rsu${i + 1}`, position: { x, y: -3, z: 25 }, txPowerW: 1 })),
    },
  ],
  ['Nakagami-m (m = 2)', { channel: { smallScaleFading: 'nakagami', nakagamiM: 2 } }],
];

/** Steps per second of one run. */
function stepsPerSecond(scenario: ScenarioOverrides, seed: number): number {
  const started = performance.now();
  runBaseline({ baseline: heuristic, seed, steps: STEPS, scenario });
  return (STEPS * 1000) / (performance.now() - started);
}

// Warm-up (JIT) for every case, then interleaved rounds (every case once per round), best of the rounds: load on a shared machine hits all cases alike.
for (const [, scenario] of cases) stepsPerSecond(scenario, 99);
const best = cases.map(() => 0);
for (let round = 0; round < REPEATS; round += 1) {
  for (const [index, [, scenario]] of cases.entries()) {
    best[index] = Math.max(best[index]!, stepsPerSecond(scenario, 1 + round));
  }
}
console.log('case'.padEnd(46), 'steps/s'.padStart(9), 'vs baseline'.padStart(12));
for (const [index, [name]] of cases.entries()) {
  const rate = best[index]!;
  console.log(name.padEnd(46), rate.toFixed(0).padStart(9), `${(rate / best[0]!).toFixed(2)}×`.padStart(12));
}
