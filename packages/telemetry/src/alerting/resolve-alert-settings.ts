import { AcptConfigError, type ConfigIssue } from '@acpt/config';
import { ALERT_NAMES, isAlertName } from './alert-names.ts';
import type { WatchAdapterAlertsOptions } from './alert-options.ts';
import {
  ALERT_RULES,
  type AlertRuleDefinition,
  PROMETHEUS_MIN_CALLS_PER_SECOND,
  PROMETHEUS_WINDOW_MS,
} from './alert-rules.ts';

/** A rule with the caller's overrides applied. */
export type ResolvedAlertRule = AlertRuleDefinition;

/** {@link WatchAdapterAlertsOptions} validated and with every default filled in. */
export interface AlertSettings {
  readonly windowMs: number;
  readonly buckets: number;
  readonly evaluationIntervalMs: number;
  /** The traffic minimum as a count: more than this many calls in the window. */
  readonly minCalls: number;
  readonly includeMockLatency: boolean;
  /** The enabled rules, in {@link ALERT_NAMES} order. */
  readonly rules: readonly ResolvedAlertRule[];
}

const DEFAULT_BUCKETS = 60;
const MAX_BUCKETS = 10_000;

/**
 * Validates the options once and fills in the defaults.
 *
 * @throws {AcptConfigError} naming every bad field (`windowMs`, `rules.LLMRetrySpike.threshold`, …)
 */
export function resolveAlertSettings(options: WatchAdapterAlertsOptions): AlertSettings {
  const issues: ConfigIssue[] = [];
  const check = (path: string, value: unknown, valid: boolean, expected: string): void => {
    if (!valid) issues.push(issueOf(path, value, expected));
  };
  const windowMs = options.windowMs ?? PROMETHEUS_WINDOW_MS;
  check('windowMs', windowMs, isFiniteNumber(windowMs) && windowMs > 0, 'a finite number of ms above 0');
  const buckets = options.buckets ?? DEFAULT_BUCKETS;
  const bucketsValid = Number.isInteger(buckets) && buckets >= 1 && buckets <= MAX_BUCKETS;
  check('buckets', buckets, bucketsValid, `an integer from 1 to ${MAX_BUCKETS}`);
  if (bucketsValid && windowMs / buckets < 1) check('buckets', buckets, false, 'at most windowMs (buckets of ≥ 1 ms)');
  const evaluationIntervalMs = options.evaluationIntervalMs ?? windowMs / buckets;
  check('evaluationIntervalMs', evaluationIntervalMs, isNonNegative(evaluationIntervalMs), 'a finite number ≥ 0');
  const minCallsPerSecond = options.minCallsPerSecond ?? PROMETHEUS_MIN_CALLS_PER_SECOND;
  check('minCallsPerSecond', minCallsPerSecond, isNonNegative(minCallsPerSecond), 'a finite number ≥ 0');
  check(
    'onAlert',
    options.onAlert,
    options.onAlert === undefined || typeof options.onAlert === 'function',
    'a function',
  );
  check(
    'clock',
    options.clock,
    options.clock === undefined || typeof options.clock?.now === 'function',
    'an object with now()',
  );
  check('timer', options.timer, options.timer === undefined || typeof options.timer === 'function', 'a function');
  for (const name of Object.keys(options.rules ?? {})) {
    check(`rules.${name}`, name, isAlertName(name), `one of ${ALERT_NAMES.join(', ')}`);
  }
  const rules: ResolvedAlertRule[] = [];
  for (const rule of ALERT_RULES) {
    const override = options.rules?.[rule.name];
    if (override === false) continue;
    const path = `rules.${rule.name}`;
    if (override !== undefined && (typeof override !== 'object' || override === null)) {
      check(path, override, false, 'an object with threshold and forMs, or false');
      continue;
    }
    const threshold = override?.threshold ?? rule.threshold;
    const thresholdValid = isNonNegative(threshold) && (rule.unit !== 'share' || threshold < 1);
    check(
      `${path}.threshold`,
      threshold,
      thresholdValid,
      rule.unit === 'share' ? 'a share from 0 to below 1' : 'a finite number ≥ 0',
    );
    const forMs = override?.forMs ?? (rule.forMs * windowMs) / PROMETHEUS_WINDOW_MS;
    if (override?.forMs !== undefined) check(`${path}.forMs`, forMs, isNonNegative(forMs), 'a finite number of ms ≥ 0');
    rules.push({ ...rule, threshold, forMs });
  }
  if (issues.length > 0) throw new AcptConfigError(issues);
  return {
    windowMs,
    buckets,
    evaluationIntervalMs,
    minCalls: (minCallsPerSecond * windowMs) / 1000,
    includeMockLatency: options.includeMockLatency === true,
    rules,
  };
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isNonNegative(value: unknown): value is number {
  return isFiniteNumber(value) && value >= 0;
}

function issueOf(path: string, value: unknown, expected: string): ConfigIssue {
  const received = render(value);
  return {
    path,
    expected,
    received,
    source: { kind: 'override' },
    message: `expected ${expected}, received ${received}`,
  };
}

function render(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined) return String(value);
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
