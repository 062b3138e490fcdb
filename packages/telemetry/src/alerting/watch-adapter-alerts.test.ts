import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { requestEnd, requestStart, T0, UNAVAILABLE } from '../__fixtures__/adapter-events.ts';
import { alertScenario, ManualAlertTimer } from '../__fixtures__/alert-scenario.ts';
import { FakeEventSource } from '../__fixtures__/fake-event-source.ts';
import { TelemetryHarness } from '../__fixtures__/telemetry-harness.ts';
import type { WatchAdapterAlertsOptions } from './alert-options.ts';
import type { AlertEvent } from './alert-types.ts';
import { watchAdapterAlerts } from './watch-adapter-alerts.ts';

/** A scripted source and clock: one-minute window of 1 s buckets, no traffic minimum, errors alert after 10 s. */
function scripted(options: WatchAdapterAlertsOptions = {}) {
  const source = new FakeEventSource();
  const timer = new ManualAlertTimer();
  const telemetry = new TelemetryHarness();
  const events: AlertEvent[] = [];
  let now = T0;
  const alerts = watchAdapterAlerts(source, {
    windowMs: 60_000,
    minCallsPerSecond: 0,
    rules: { LLMErrorRateHigh: { forMs: 10_000 } },
    clock: { now: () => now },
    timer: timer.timer,
    meterProvider: telemetry.meterProvider,
    onAlert: (event) => events.push(event),
    ...options,
  });
  let sequence = 0;
  const call = (outcome: 'success' | 'error'): void => {
    const id = `req-${++sequence}`;
    source.emit('request-start', requestStart(id, now - T0));
    source.emit('request-end', requestEnd(id, now - T0, outcome === 'error' ? { outcome, error: UNAVAILABLE } : {}));
  };
  return {
    source,
    timer,
    telemetry,
    events,
    alerts,
    call,
    at(ms: number): void {
      now = T0 + ms;
    },
    states: () => events.map((event) => `${event.alert} ${event.state}@${event.at - T0}`),
  };
}

let cleanup: (() => Promise<void>) | undefined;

afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
  diag.disable();
});

describe('watchAdapterAlerts: the `for` duration', () => {
  it('holds an alert pending, fires it once it has held for `for`, and never repeats while it holds', () => {
    const run = scripted();
    run.call('error');
    expect(run.alerts.state().alerts[2]).toMatchObject({
      alert: 'LLMErrorRateHigh',
      state: 'pending',
      activeSinceMs: T0,
    });
    run.at(9_999);
    expect(run.alerts.evaluate().firing).toEqual([]);
    run.at(10_000);
    expect(run.alerts.evaluate().firing).toEqual(['LLMErrorRateHigh']);
    run.at(12_000);
    run.call('error');
    run.timer.tick();
    expect(run.states()).toEqual(['LLMErrorRateHigh firing@10000']);
    expect(run.events[0]).toEqual({
      alert: 'LLMErrorRateHigh',
      state: 'firing',
      value: 1,
      threshold: 0.05,
      windowMs: 60_000,
      at: T0 + 10_000,
      severity: 'critical',
      activeSinceMs: T0,
    });
  });

  it('drops a pending alert silently when the condition stops holding before `for`', () => {
    const run = scripted();
    run.call('error');
    run.at(5_000);
    for (let index = 0; index < 30; index++) run.call('success');
    expect(run.alerts.state().alerts[2]).toMatchObject({ state: 'inactive', value: 1 / 31 });
    run.at(30_000);
    run.timer.tick();
    expect(run.events).toEqual([]);
  });

  it('fires at once with `for` 0, and counts each firing in acpt.llm.alerts{alert}', async () => {
    const run = scripted({ rules: { LLMErrorRateHigh: { forMs: 0 }, LLMRetrySpike: false } });
    cleanup = () => run.telemetry.shutdown();
    run.call('error');
    run.at(61_000);
    run.timer.tick();
    run.call('error');
    expect(run.states()).toEqual([
      'LLMErrorRateHigh firing@0',
      'LLMErrorRateHigh resolved@61000',
      'LLMErrorRateHigh firing@61000',
    ]);
    expect(await run.telemetry.sums('acpt.llm.alerts')).toEqual([
      { attributes: { alert: 'LLMErrorRateHigh' }, value: 2 },
    ]);
    const metric = (await run.telemetry.metrics()).find((entry) => entry.descriptor.name === 'acpt.llm.alerts');
    expect(metric?.descriptor).toMatchObject({ unit: '{alert}', type: 'COUNTER' });
  });

  it('scales the rules’ `for` durations with the window, unless given', () => {
    const run = scripted({ rules: { LLMTTFTSlow: false, LLMCircuitOpen: { forMs: 1_000 } } });
    expect(run.alerts.state().alerts.map((status) => [status.alert, status.forMs])).toEqual([
      ['LLMLatencyBudgetBreach', 120_000],
      ['LLMRetrySpike', 60_000],
      ['LLMErrorRateHigh', 60_000],
      ['LLMRateLimited', 60_000],
      ['LLMFallbackActive', 60_000],
      ['LLMCircuitOpen', 1_000],
    ]);
  });
});

describe('watchAdapterAlerts: evaluation, listeners and detach', () => {
  it('evaluates on the timer at the bucket length by default, so alerts resolve when traffic stops', () => {
    const run = scripted({ rules: { LLMErrorRateHigh: { forMs: 0 } } });
    expect(run.timer.intervalMs).toBe(1_000);
    run.call('error');
    run.at(59_999);
    run.timer.tick();
    run.at(60_000);
    run.timer.tick();
    expect(run.states()).toEqual(['LLMErrorRateHigh firing@0', 'LLMErrorRateHigh resolved@60000']);
    expect(scripted({ evaluationIntervalMs: 0 }).timer.running).toBe(false);
  });

  it('reports to every listener, isolates a throwing one through diag, and unsubscribes', () => {
    const logged: string[] = [];
    const ignore = (): void => undefined;
    const logger: DiagLogger = {
      error: (message) => {
        logged.push(message);
      },
      warn: ignore,
      info: ignore,
      debug: ignore,
      verbose: ignore,
    };
    diag.setLogger(logger, DiagLogLevel.ERROR);
    const run = scripted({
      rules: { LLMErrorRateHigh: { forMs: 0 } },
      onAlert: () => {
        throw new Error('listener bug');
      },
    });
    const seen: string[] = [];
    const off = run.alerts.on('alert', (event) => seen.push(event.state));
    run.call('error');
    off();
    run.at(61_000);
    run.timer.tick();
    expect(seen).toEqual(['firing']);
    expect(logged).toEqual([
      '@acpt/telemetry: an alert listener threw on LLMErrorRateHigh firing',
      '@acpt/telemetry: an alert listener threw on LLMErrorRateHigh resolved',
    ]);
    expect(() => run.alerts.on('firing' as 'alert', () => undefined)).toThrow(TypeError);
  });

  it('detach removes every adapter listener and the timer, and nothing is reported after it', () => {
    const run = scripted({ rules: { LLMErrorRateHigh: { forMs: 0 } } });
    expect(run.source.listenerCount).toBeGreaterThan(0);
    run.call('error');
    const before = run.alerts.state();
    run.alerts.detach();
    run.alerts.detach();
    expect(run.source.listenerCount).toBe(0);
    expect(run.timer.running).toBe(false);
    run.at(120_000);
    expect(run.alerts.evaluate()).toEqual(before);
    expect(run.states()).toEqual(['LLMErrorRateHigh firing@0']);
  });

  it('real adapter: detach stops counts, alerts and counter; payloads hold no ids, prompts or key', async () => {
    const scenario = alertScenario({
      liveFaults: [{ kind: 'unauthorized', every: 2 }],
      config: { fallback: 'throw' },
      alerts: { windowMs: 60_000, rules: { LLMErrorRateHigh: { forMs: 0 } } },
    });
    cleanup = () => scenario.close();
    await scenario.run(20, { gapMs: 1_000 });
    expect(scenario.transitions('LLMErrorRateHigh')).toEqual([expect.stringMatching(/^firing@/)]);
    const payloads = JSON.stringify([scenario.events, scenario.alerts.state()]);
    for (const secret of ['req-', 'Pick a RIS', 'csk-', 'Mock reply', 'chatcmpl'])
      expect(payloads).not.toContain(secret);

    scenario.alerts.detach();
    const counts = scenario.alerts.state().counts;
    await scenario.run(20, { gapMs: 1_000 });
    await scenario.idle(120_000);
    expect(scenario.alerts.state().counts).toEqual(counts);
    expect(scenario.events).toHaveLength(1);
    expect(await scenario.telemetry.sums('acpt.llm.alerts')).toEqual([
      { attributes: { alert: 'LLMErrorRateHigh' }, value: 1 },
    ]);
  });
});
