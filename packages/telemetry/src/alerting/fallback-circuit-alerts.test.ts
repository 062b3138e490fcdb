import { afterEach, describe, expect, it } from 'vitest';
import { type AlertScenario, alertScenario } from '../__fixtures__/alert-scenario.ts';

const STEADY = { gapMs: 5_000 };

let scenario: AlertScenario | undefined;

afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

/** The live path answers 503 to its first `count` attempts, then recovers. */
function outage(count: number) {
  return [{ kind: 'service-unavailable' as const, at: Array.from({ length: count }, (_, index) => index) }];
}

describe('LLMFallbackActive and LLMCircuitOpen with the real adapter (fallback mock, default breaker)', () => {
  it('an outage: circuit open fires after 1 min and resolves at closing; fallback fires after 5 min, resolves later', async () => {
    // Attempts 0–4 open the breaker (5 consecutive failures); every 30 s a probe fails again until attempt 12 succeeds.
    scenario = alertScenario({ liveFaults: outage(12) });
    const breaker: string[] = [];
    scenario.adapter.on('circuit-state', (event) => breaker.push(event.to));
    await scenario.run(14, STEADY);
    expect(scenario.status('LLMCircuitOpen')).toMatchObject({ state: 'firing', value: 1, threshold: 0, forMs: 60_000 });
    expect(scenario.status('LLMFallbackActive')).toMatchObject({ state: 'pending', forMs: 300_000 });

    await scenario.run(120, STEADY);
    expect(breaker.filter((state) => state === 'half-open').length).toBeGreaterThan(2);
    expect(breaker.at(-1)).toBe('closed');
    expect(scenario.events.map((event) => `${event.alert} ${event.state}`)).toEqual([
      'LLMCircuitOpen firing',
      'LLMCircuitOpen resolved',
      'LLMFallbackActive firing',
      'LLMFallbackActive resolved',
    ]);
    const [circuitFiring, circuitResolved, fallbackFiring, fallbackResolved] = scenario.events;
    expect((circuitFiring?.at ?? 0) - (circuitFiring?.activeSinceMs ?? 0)).toBeGreaterThanOrEqual(60_000);
    // Half-open probes do not interrupt it: it stays firing from the first opening to the closing.
    expect(circuitResolved).toMatchObject({ value: 0, activeSinceMs: circuitFiring?.activeSinceMs });
    expect((fallbackFiring?.at ?? 0) - (fallbackFiring?.activeSinceMs ?? 0)).toBeGreaterThanOrEqual(300_000);
    expect(fallbackFiring?.value).toBeGreaterThan(0);
    expect(fallbackResolved).toMatchObject({ value: 0 });
    expect(await scenario.telemetry.sums('acpt.llm.alerts')).toEqual([
      { attributes: { alert: 'LLMCircuitOpen' }, value: 1 },
      { attributes: { alert: 'LLMFallbackActive' }, value: 1 },
    ]);
  });

  it('a breaker open under 1 min stays pending; a run of fallbacks fires, as `rate(…[5m]) > 0 for 5m` does', async () => {
    // Attempts 0–4 open the breaker; its first probe, 30 s later, succeeds.
    scenario = alertScenario({ liveFaults: outage(5) });
    await scenario.run(4, STEADY);
    expect(scenario.status('LLMCircuitOpen')).toMatchObject({ state: 'pending', value: 1 });
    await scenario.run(100, STEADY);
    expect(scenario.transitions('LLMCircuitOpen')).toEqual([]);
    expect(scenario.status('LLMCircuitOpen')).toMatchObject({ state: 'inactive', value: 0 });
    // The fallbacks of those 30 s stay in the window for 5 more minutes, so the condition holds for over 5 minutes.
    expect(scenario.events.map((event) => `${event.alert} ${event.state}`)).toEqual([
      'LLMFallbackActive firing',
      'LLMFallbackActive resolved',
    ]);
  });
});
