import type { AlertEvent, AlertStatus } from './alert-types.ts';
import type { ResolvedAlertRule } from './resolve-alert-settings.ts';

/**
 * One alert's Prometheus-style state: `inactive` until its condition holds, then `pending` with the time it started
 * to hold, `firing` once it has held for `forMs` (at once with `forMs` 0), and back to `inactive` as soon as it stops
 * holding (a pending alert drops silently). Only the two transitions into and out of `firing` are reported.
 */
export class AlertState {
  readonly #rule: ResolvedAlertRule;
  readonly #windowMs: number;
  #state: AlertStatus['state'] = 'inactive';
  #value: number | null = null;
  #activeSinceMs = 0;
  #firingSinceMs = 0;

  constructor(rule: ResolvedAlertRule, windowMs: number) {
    this.#rule = rule;
    this.#windowMs = windowMs;
  }

  /**
   * Applies one evaluation: `value` measured at `nowMs`, `holds` whether the condition is met.
   * @returns the transition to report, if any
   */
  update(nowMs: number, value: number | null, holds: boolean): AlertEvent | undefined {
    this.#value = value;
    if (!holds) {
      const wasFiring = this.#state === 'firing';
      this.#state = 'inactive';
      return wasFiring ? this.#event('resolved', nowMs) : undefined;
    }
    if (this.#state === 'inactive') {
      this.#state = 'pending';
      this.#activeSinceMs = nowMs;
    }
    if (this.#state === 'pending' && nowMs - this.#activeSinceMs >= this.#rule.forMs) {
      this.#state = 'firing';
      this.#firingSinceMs = nowMs;
      return this.#event('firing', nowMs);
    }
    return undefined;
  }

  /** The status after the last evaluation. */
  status(): AlertStatus {
    const rule = this.#rule;
    const base = {
      alert: rule.name,
      state: this.#state,
      value: this.#value,
      threshold: rule.threshold,
      forMs: rule.forMs,
      severity: rule.severity,
    };
    if (this.#state === 'inactive') return base;
    if (this.#state === 'pending') return { ...base, activeSinceMs: this.#activeSinceMs };
    return { ...base, activeSinceMs: this.#activeSinceMs, firingSinceMs: this.#firingSinceMs };
  }

  #event(state: AlertEvent['state'], at: number): AlertEvent {
    return {
      alert: this.#rule.name,
      state,
      value: this.#value,
      threshold: this.#rule.threshold,
      windowMs: this.#windowMs,
      at,
      severity: this.#rule.severity,
      activeSinceMs: this.#activeSinceMs,
    };
  }
}
