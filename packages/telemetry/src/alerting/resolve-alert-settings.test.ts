import { AcptConfigError, AcptError } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { FakeEventSource } from '../__fixtures__/fake-event-source.ts';
import type { WatchAdapterAlertsOptions } from './alert-options.ts';
import { resolveAlertSettings } from './resolve-alert-settings.ts';
import { watchAdapterAlerts } from './watch-adapter-alerts.ts';

/** The issues `resolveAlertSettings` throws for `options`, as `path: expected`. */
function issuesOf(options: unknown): string[] {
  try {
    resolveAlertSettings(options as WatchAdapterAlertsOptions);
  } catch (error) {
    if (!AcptConfigError.isInstance(error)) throw error;
    return error.issues.map((issue) => `${issue.path}: ${issue.expected}`);
  }
  return [];
}

describe('resolveAlertSettings', () => {
  it('fills in the rules’ defaults: a five-minute window of 5 s buckets, evaluated every 5 s, 15 calls minimum', () => {
    const settings = resolveAlertSettings({});
    expect(settings).toMatchObject({ windowMs: 300_000, buckets: 60, evaluationIntervalMs: 5_000, minCalls: 15 });
    expect(settings.rules.map((rule) => [rule.name, rule.threshold, rule.forMs])).toEqual([
      ['LLMLatencyBudgetBreach', 0.05, 600_000],
      ['LLMRetrySpike', 0.2, 300_000],
      ['LLMErrorRateHigh', 0.05, 300_000],
      ['LLMRateLimited', 0.1, 300_000],
      ['LLMTTFTSlow', 1.28, 600_000],
      ['LLMFallbackActive', 0, 300_000],
      ['LLMCircuitOpen', 0, 60_000],
    ]);
  });

  it('names every bad field at once in one AcptConfigError', () => {
    expect(
      issuesOf({
        windowMs: -1,
        buckets: 2.5,
        evaluationIntervalMs: Number.NaN,
        minCallsPerSecond: -0.1,
        rules: {
          LLMErrorRateHigh: { threshold: 1.5, forMs: -1 },
          LLMRetrySpike: { threshold: Number.POSITIVE_INFINITY },
        },
      }),
    ).toEqual([
      'windowMs: a finite number of ms above 0',
      'buckets: an integer from 1 to 10000',
      'evaluationIntervalMs: a finite number ≥ 0',
      'minCallsPerSecond: a finite number ≥ 0',
      'rules.LLMRetrySpike.threshold: a finite number ≥ 0',
      'rules.LLMErrorRateHigh.threshold: a share from 0 to below 1',
      'rules.LLMErrorRateHigh.forMs: a finite number of ms ≥ 0',
    ]);
  });

  it('rejects unknown alert names, rules that are not objects, buckets under 1 ms and non-function hooks', () => {
    expect(
      issuesOf({
        windowMs: 10,
        buckets: 20,
        rules: { LLMRetrySpkie: {}, LLMTTFTSlow: 1.5 },
        onAlert: 'log',
        clock: {},
        timer: 5,
      }),
    ).toEqual([
      'buckets: at most windowMs (buckets of ≥ 1 ms)',
      'onAlert: a function',
      'clock: an object with now()',
      'timer: a function',
      expect.stringMatching(/^rules\.LLMRetrySpkie: one of LLMLatencyBudgetBreach, LLMRetrySpike, /),
      'rules.LLMTTFTSlow: an object with threshold and forMs, or false',
    ]);
  });

  it('is what watchAdapterAlerts throws: an AcptError with code ACPT_CONFIG_INVALID, before attaching anything', () => {
    const source = new FakeEventSource();
    let caught: unknown;
    try {
      watchAdapterAlerts(source, { rules: { LLMRateLimited: { threshold: -1 } } });
    } catch (error) {
      caught = error;
    }
    expect(AcptError.isInstance(caught) && caught.code).toBe('ACPT_CONFIG_INVALID');
    expect((caught as Error).message).toContain('rules.LLMRateLimited.threshold (override): expected a share');
    expect(source.listenerCount).toBe(0);
  });
});
