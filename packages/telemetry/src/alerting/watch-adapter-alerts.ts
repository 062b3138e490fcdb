import type { AdapterEventSource } from '@acpt/config';
import { diag, metrics } from '@opentelemetry/api';
import { createAlertCounter } from './alert-counter.ts';
import type { WatchAdapterAlertsOptions } from './alert-options.ts';
import type { AlertInputs } from './alert-rules.ts';
import { AlertState } from './alert-state.ts';
import { unrefIntervalTimer } from './alert-timer.ts';
import type { AlertEvent, AlertListener, AlertSnapshot, AlertWindowCounts } from './alert-types.ts';
import { AlertWindow } from './alert-window.ts';
import { type AlertSettings, resolveAlertSettings } from './resolve-alert-settings.ts';

/** The handle {@link watchAdapterAlerts} returns. */
export interface AdapterAlertWatch {
  /** Adds a listener of alert transitions; returns a function that removes it. */
  on(name: 'alert', listener: AlertListener): () => void;
  /** Evaluates every alert now (reporting any transition) and returns the snapshot. After `detach()`: `state()`. */
  evaluate(): AlertSnapshot;
  /** The snapshot of the last evaluation, without evaluating. */
  state(): AlertSnapshot;
  /**
   * Removes the adapter listeners and the alert listeners, and stops the timer. Idempotent. Firing alerts are not
   * reported as resolved: nothing is reported after `detach()`.
   */
  detach(): void;
}

const systemClock = { now: (): number => Date.now() };

/**
 * In-process alerting, no backend needed: keeps sliding-window counts of an adapter's logical calls, errors,
 * over-budget calls, retries, attempts, 429s, fallbacks and stream first chunks, compares them with the thresholds of
 * the Prometheus alerts in `ops/prometheus/alert-rules.yml` (same names, same defaults), holds each alert pending for
 * its `for` duration like Prometheus, reports only the transitions (`firing`, `resolved`) to `onAlert` and
 * `on('alert', …)`, and counts every firing in `acpt.llm.alerts{alert}`. Alerts are evaluated at each settled call,
 * at each circuit change and on an unref'd timer, so they also resolve when traffic stops. Memory is fixed: the
 * windows are rings of time buckets, whatever the traffic. Alert events carry only alert names and numbers.
 *
 * @param source - the adapter, or anything with the contract's `on(name, listener)`
 * @throws {AcptConfigError} when an option is invalid, naming the field (`rules.LLMRetrySpike.threshold`, …)
 * @example
 * ```ts
 * const alerts = watchAdapterAlerts(adapter, {
 *   onAlert: ({ alert, state, value, threshold }) => console.warn(`${alert} ${state}: ${value} > ${threshold}`),
 * });
 * // … later: alerts.state().firing, then alerts.detach()
 * ```
 */
export function watchAdapterAlerts(
  source: AdapterEventSource,
  options: WatchAdapterAlertsOptions = {},
): AdapterAlertWatch {
  const settings = resolveAlertSettings(options);
  const clock = options.clock ?? systemClock;
  const countFiring = createAlertCounter(options.meterProvider ?? metrics.getMeterProvider());
  const window = new AlertWindow({ ...settings, startMs: clock.now() });
  const states = settings.rules.map((rule) => new AlertState(rule, settings.windowMs));
  const listeners = new Set<AlertListener>();
  if (options.onAlert !== undefined) listeners.add(options.onAlert);
  let circuitOpen = false;
  let attached = true;
  let evaluatedAt = clock.now();
  let counts = window.counts(evaluatedAt);

  const notify = (event: AlertEvent): void => {
    for (const listener of listeners) {
      if (!attached) return;
      try {
        listener(event);
      } catch (error) {
        diag.error(`@acpt/telemetry: an alert listener threw on ${event.alert} ${event.state}`, error);
      }
    }
  };
  const state = (): AlertSnapshot => snapshotOf(settings, evaluatedAt, counts, states);
  const evaluate = (): AlertSnapshot => {
    if (!attached) return state();
    const now = clock.now();
    evaluatedAt = now;
    counts = window.counts(now);
    const inputs: AlertInputs = { counts, firstChunkP95: () => window.firstChunkQuantile(now, 0.95), circuitOpen };
    const events: AlertEvent[] = [];
    settings.rules.forEach((rule, index) => {
      const value = rule.measure(inputs);
      const traffic = rule.minTraffic === undefined || counts[rule.minTraffic] > settings.minCalls;
      const event = states[index]?.update(now, value, value !== null && value > rule.threshold && traffic);
      if (event !== undefined) events.push(event);
    });
    for (const event of events) {
      if (event.state === 'firing') countFiring(event.alert);
      notify(event);
    }
    return state();
  };

  const unsubscribes = [
    source.on('request-start', (event) => window.requestStart(event)),
    source.on('attempt-start', () => window.attemptStart(clock.now())),
    source.on('attempt-error', (event) => window.attemptError(clock.now(), event)),
    source.on('retry-scheduled', () => window.retryScheduled(clock.now())),
    source.on('first-token', (event) => window.firstToken(clock.now(), event)),
    source.on('fallback-start', () => window.fallbackStart(clock.now())),
    source.on('request-end', (event) => {
      window.requestEnd(clock.now(), event);
      evaluate();
    }),
    source.on('circuit-state', (event) => {
      // Half-open is an open circuit letting one probe through: only closing it resolves the alert.
      circuitOpen = event.to !== 'closed';
      evaluate();
    }),
  ];
  const stopTimer =
    settings.evaluationIntervalMs > 0
      ? (options.timer ?? unrefIntervalTimer)(settings.evaluationIntervalMs, evaluate)
      : undefined;
  evaluate();

  return {
    on(name, listener) {
      if (name !== 'alert') throw new TypeError(`watchAdapterAlerts emits only 'alert' events, not '${String(name)}'`);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    evaluate,
    state,
    detach(): void {
      if (!attached) return;
      attached = false;
      for (const unsubscribe of unsubscribes) unsubscribe();
      stopTimer?.();
      listeners.clear();
      window.clear();
    },
  };
}

function snapshotOf(
  settings: AlertSettings,
  at: number,
  counts: AlertWindowCounts,
  states: readonly AlertState[],
): AlertSnapshot {
  const alerts = states.map((entry) => entry.status());
  return {
    at,
    windowMs: settings.windowMs,
    alerts,
    firing: alerts.filter((status) => status.state === 'firing').map((status) => status.alert),
    counts,
  };
}
