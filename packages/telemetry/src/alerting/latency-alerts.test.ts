import { afterEach, describe, expect, it } from 'vitest';
import { type AlertScenario, alertScenario } from '../__fixtures__/alert-scenario.ts';

const STEADY = { gapMs: 5_000 };

let scenario: AlertScenario | undefined;

afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

/** `cycles` times: `fast` calls within the 30 s budget, then one with a 20 ms budget (the live path takes 40 ms). */
async function mixBudgets(current: AlertScenario, cycles: number, fast: number): Promise<void> {
  for (let cycle = 0; cycle < cycles; cycle++) {
    await current.run(fast, STEADY);
    await current.run(1, { ...STEADY, generate: { budgetMs: 20 } });
  }
}

describe('LLMLatencyBudgetBreach with the real adapter (soft budgets)', () => {
  it('10 % of calls over their budget: pending, firing after 10 minutes, resolved by calls within budget', async () => {
    scenario = alertScenario();
    await mixBudgets(scenario, 4, 9);
    expect(scenario.status('LLMLatencyBudgetBreach')).toMatchObject({ state: 'pending', value: 0.1, forMs: 600_000 });
    await mixBudgets(scenario, 10, 9);
    const [firing] = scenario.events;
    expect(firing).toMatchObject({ alert: 'LLMLatencyBudgetBreach', state: 'firing', threshold: 0.05 });
    expect((firing?.at ?? 0) - (firing?.activeSinceMs ?? 0)).toBeGreaterThanOrEqual(600_000);

    await scenario.run(60, STEADY);
    expect(scenario.transitions('LLMLatencyBudgetBreach')).toHaveLength(2);
    expect(scenario.events[1]).toMatchObject({ state: 'resolved' });
    expect(scenario.events[1]?.value).toBeLessThanOrEqual(0.05);
    expect(scenario.events).toHaveLength(2);
  });

  it('stays silent at 4 % over budget', async () => {
    scenario = alertScenario();
    await mixBudgets(scenario, 8, 24);
    expect(scenario.alerts.state().counts.overBudget).toBeGreaterThan(0);
    expect(scenario.events).toEqual([]);
  });

  it('leaves out calls that start on the mock, as the rules leave out acpt.mock, unless includeMockLatency', async () => {
    scenario = alertScenario({ config: { mockMode: true } });
    await scenario.run(40, { ...STEADY, generate: { budgetMs: 1 } });
    await scenario.stream(5, STEADY);
    expect(scenario.alerts.state().counts).toMatchObject({ calls: 45, latencyCalls: 0, overBudget: 0, firstChunks: 0 });
    expect(scenario.events).toEqual([]);
    await scenario.close();

    scenario = alertScenario({ config: { mockMode: true }, alerts: { includeMockLatency: true } });
    await scenario.run(180, { ...STEADY, generate: { budgetMs: 1 } });
    const { counts } = scenario.alerts.state();
    expect(counts.overBudget).toBeGreaterThan(15);
    expect([counts.latencyCalls, counts.overBudget]).toEqual([counts.calls, counts.calls]);
    expect(scenario.transitions('LLMLatencyBudgetBreach')).toEqual([expect.stringMatching(/^firing@/)]);
  });
});

describe('LLMTTFTSlow with the real adapter (streams)', () => {
  it('first chunks after 1.4 s: p95 from the advised buckets, firing after 10 min, resolved when streams stop', async () => {
    scenario = alertScenario({ liveLatency: { kind: 'fixed', ms: 1_400 } });
    await scenario.stream(150, STEADY);
    const [firing] = scenario.events;
    // Every observation in (1.28, 2.56]: histogram_quantile interpolates 95 % of the way through that bucket.
    expect(firing).toMatchObject({ alert: 'LLMTTFTSlow', state: 'firing', threshold: 1.28 });
    expect(firing?.value).toBeCloseTo(1.28 + 0.95 * 1.28, 10);
    expect((firing?.at ?? 0) - (firing?.activeSinceMs ?? 0)).toBeGreaterThanOrEqual(600_000);

    await scenario.idle(300_000);
    expect(scenario.transitions('LLMTTFTSlow')).toHaveLength(2);
    expect(scenario.events[1]).toMatchObject({ state: 'resolved', value: null });
    expect(scenario.events).toHaveLength(2);
  });

  it('stays silent with first chunks after 1 s (p95 estimate 1.248 s)', async () => {
    scenario = alertScenario({ liveLatency: { kind: 'fixed', ms: 1_000 } });
    await scenario.stream(150, STEADY);
    expect(scenario.status('LLMTTFTSlow')?.value).toBeCloseTo(0.64 + 0.95 * 0.64, 10);
    expect(scenario.events).toEqual([]);
  });
});
