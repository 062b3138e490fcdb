import { describe, expect, it } from 'vitest';
import { runExperimentJob } from '../src/experiment/run-job.ts';

describe('a fair comparison', () => {
  it('in mock mode the agent row is exactly the scripted rules, with the coordinator on and off', async () => {
    for (const coordinator of ['on', 'off'] as const) {
      for (const seed of [1, 2]) {
        const result = await runExperimentJob({ seed, steps: 60, coordinator, oracle: false });
        expect(result.status).toBe('complete');
        const agents = result.policies['scripted-agents']!;
        expect(agents).toMatchObject({
          label: 'scripted-agents (mock)',
          kind: 'agents',
          coordinated: coordinator === 'on',
        });
        expect(agents.kpis).toEqual(result.policies['scripted-rules']!.kpis);
        expect(result.decisions).toMatchObject({ model: 'none — mock rules', measured: false });
      }
    }
  }, 120_000);

  it('applies the coordinator switch to every policy, and the oracle is never coordinated', async () => {
    const on = await runExperimentJob({ seed: 3, steps: 40, coordinator: 'on' });
    const off = await runExperimentJob({ seed: 3, steps: 40, coordinator: 'off' });
    for (const name of ['scripted-rules', 'fixed-heuristic', 'random', 'closed-form']) {
      expect(on.policies[name]!.coordinated, name).toBe(true);
      expect(off.policies[name]!.coordinated, name).toBe(false);
    }
    expect(on.policies['oracle']).toMatchObject({ kind: 'oracle', coordinated: false });
    // The coordinator refuses some of the random policy's proposals, so the switch changes its results.
    expect(on.policies['random']!.kpis.meanSumRateBps).not.toBe(off.policies['random']!.kpis.meanSumRateBps);
    // The oracle's own results do not depend on the switch; every row is a percentage of them.
    expect(on.policies['oracle']!.kpis).toEqual(off.policies['oracle']!.kpis);
    expect(on.policies['oracle']!.percentOfOracle?.meanSumRate).toBe(100);
  }, 120_000);
});
