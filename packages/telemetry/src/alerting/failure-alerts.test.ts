import { afterEach, describe, expect, it } from 'vitest';
import { type AlertScenario, alertScenario } from '../__fixtures__/alert-scenario.ts';

/** One request every 5 s: 60 calls in the default five-minute window, well above the 0.05 calls/s minimum. */
const STEADY = { gapMs: 5_000 };

let scenario: AlertScenario | undefined;

afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

/** Fault indices `first, first + every, …` below `until`: the live transport's attempt numbers that fail. */
function every(every: number, until: number, first = every - 1): number[] {
  const indices: number[] = [];
  for (let index = first; index < until; index += every) indices.push(index);
  return indices;
}

describe('LLMErrorRateHigh with the real adapter (default window and thresholds)', () => {
  it('pends for 5 minutes at 10 % errors, fires once, and resolves when healthy calls dilute the errors', async () => {
    // 401s are not retried; with fallback `throw` each one fails its call.
    scenario = alertScenario({
      liveFaults: [{ kind: 'unauthorized', at: every(10, 120) }],
      config: { fallback: 'throw' },
    });
    await scenario.run(40, STEADY);
    const pending = scenario.status('LLMErrorRateHigh');
    expect(pending).toMatchObject({ state: 'pending', value: 0.1, threshold: 0.05, forMs: 300_000 });
    expect(scenario.events).toEqual([]);

    await scenario.run(80, STEADY);
    const [firing] = scenario.events;
    expect(firing).toMatchObject({
      alert: 'LLMErrorRateHigh',
      state: 'firing',
      severity: 'critical',
      windowMs: 300_000,
    });
    expect(firing?.activeSinceMs).toBe(pending?.activeSinceMs);
    expect((firing?.at ?? 0) - (firing?.activeSinceMs ?? 0)).toBeGreaterThanOrEqual(300_000);
    expect((firing?.at ?? 0) - (firing?.activeSinceMs ?? 0)).toBeLessThan(300_000 + 2 * STEADY.gapMs);
    expect(firing?.value).toBeGreaterThan(0.05);

    // From request 120 on every call succeeds: the share falls to 5 % (not above) within the window.
    await scenario.run(60, STEADY);
    expect(scenario.transitions('LLMErrorRateHigh')).toHaveLength(2);
    const resolved = scenario.events[1];
    expect(resolved).toMatchObject({ alert: 'LLMErrorRateHigh', state: 'resolved', threshold: 0.05 });
    expect(resolved?.value).toBeLessThanOrEqual(0.05);
    expect(scenario.events.map((event) => event.alert)).toEqual(['LLMErrorRateHigh', 'LLMErrorRateHigh']);
    expect(await scenario.telemetry.sums('acpt.llm.alerts')).toEqual([
      { attributes: { alert: 'LLMErrorRateHigh' }, value: 1 },
    ]);
  });

  it('stays silent at 4 % errors', async () => {
    scenario = alertScenario({ liveFaults: [{ kind: 'unauthorized', every: 25 }], config: { fallback: 'throw' } });
    await scenario.run(200, STEADY);
    expect(scenario.alerts.state().counts.errors).toBeGreaterThan(0);
    expect(scenario.events).toEqual([]);
    expect(await scenario.telemetry.sums('acpt.llm.alerts')).toEqual([]);
  });

  it('stays silent below the traffic minimum, however bad the share', async () => {
    // One call a minute: 5 calls in the window, not more than 0.05 calls/s × 300 s = 15.
    scenario = alertScenario({ liveFaults: [{ kind: 'unauthorized', every: 2 }], config: { fallback: 'throw' } });
    await scenario.run(30, { gapMs: 60_000 });
    expect(scenario.status('LLMErrorRateHigh')).toMatchObject({ state: 'inactive' });
    expect(scenario.status('LLMErrorRateHigh')?.value).toBeGreaterThanOrEqual(0.4);
    expect(scenario.events).toEqual([]);
  });
});

describe('LLMRetrySpike and LLMRateLimited with the real adapter', () => {
  it('a 503 on every fourth attempt: retry spike fires (1/3 per call), resolves when traffic stops', async () => {
    scenario = alertScenario({ liveFaults: [{ kind: 'service-unavailable', every: 4 }] });
    await scenario.run(120, STEADY);
    expect(scenario.transitions('LLMRetrySpike')).toEqual([expect.stringMatching(/^firing@/)]);
    expect(scenario.events[0]?.value).toBeCloseTo(1 / 3, 1);
    expect(scenario.status('LLMRateLimited')?.value).toBe(0);

    // No traffic: the timer keeps evaluating, and the alert resolves once the window holds 15 calls or fewer (the
    // traffic minimum), whatever the share.
    const lastCallAt = scenario.clock.now();
    await scenario.idle(310_000);
    expect(scenario.transitions('LLMRetrySpike')).toEqual([
      expect.stringMatching(/^firing@/),
      expect.stringMatching(/^resolved@/),
    ]);
    const resolvedAt = scenario.events[1]?.at ?? 0;
    expect(resolvedAt - lastCallAt).toBeGreaterThan(200_000);
    expect(resolvedAt - lastCallAt).toBeLessThan(300_000);
    expect(scenario.status('LLMRetrySpike')).toMatchObject({ state: 'inactive', value: null });
    expect(scenario.events.filter((event) => event.alert !== 'LLMRetrySpike')).toEqual([]);
  });

  it('a 429 on every eighth attempt: rate limited fires (1/8 of attempts), retry spike does not (1/7 per call)', async () => {
    scenario = alertScenario({ liveFaults: [{ kind: 'rate-limit-queue', every: 8 }] });
    await scenario.run(120, STEADY);
    expect(scenario.transitions('LLMRateLimited')).toEqual([expect.stringMatching(/^firing@/)]);
    expect(scenario.events[0]?.value).toBeGreaterThan(0.1);
    expect(scenario.status('LLMRateLimited')?.value).toBeCloseTo(1 / 8, 1);
    expect(scenario.status('LLMRetrySpike')).toMatchObject({ state: 'inactive' });
    expect(scenario.status('LLMRetrySpike')?.value).toBeCloseTo(1 / 7, 1);

    await scenario.idle(310_000);
    expect(scenario.transitions('LLMRateLimited')).toHaveLength(2);
    expect(scenario.events.map((event) => `${event.alert} ${event.state}`)).toEqual([
      'LLMRateLimited firing',
      'LLMRateLimited resolved',
    ]);
  });
});
