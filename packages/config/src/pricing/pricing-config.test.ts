import { describe, expect, it } from 'vitest';
import { AcptConfigError } from '../errors/config-error.ts';
import { loadConfig } from '../loading/load-config.ts';
import { parseConfig } from '../loading/parse-config.ts';

function issuesOf(input: unknown): { path: string; expected: string }[] {
  try {
    parseConfig(input);
  } catch (error) {
    if (!AcptConfigError.isInstance(error)) throw error;
    return error.issues.map(({ path, expected }) => ({ path, expected }));
  }
  throw new Error('expected the configuration to be refused');
}

describe('pricing and spend configuration', () => {
  it('accepts prices and limits, filling in the currency', () => {
    const config = parseConfig({
      pricing: { 'qwen-3.8-27b': { inputUsdPerMillion: 0.2, outputUsdPerMillion: 0.6, effectiveFrom: '2026-10-01' } },
      spend: { maxUsd: 10, maxUsdPerHour: 2 },
    });
    expect(config.pricing['qwen-3.8-27b']).toEqual({
      inputUsdPerMillion: 0.2,
      outputUsdPerMillion: 0.6,
      effectiveFrom: '2026-10-01',
      currency: 'USD',
    });
    expect(config.spend).toEqual({ maxUsd: 10, maxUsdPerHour: 2 });
  });

  it('reports every bad price, currency and limit at once, naming each field', () => {
    const issues = issuesOf({
      pricing: {
        'gpt-oss-120b': { inputUsdPerMillion: -1, outputUsdPerMillion: Number.POSITIVE_INFINITY, currency: 'EUR' },
        other: { inputUsdPerMillion: '0.3', outputUsdPerMillion: Number.NaN, effectiveFrom: 'June' },
      },
      spend: { maxUsd: 0, maxUsdPerHour: -5 },
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'pricing.gpt-oss-120b.currency',
      'pricing.gpt-oss-120b.inputUsdPerMillion',
      'pricing.gpt-oss-120b.outputUsdPerMillion',
      'pricing.other.effectiveFrom',
      'pricing.other.inputUsdPerMillion',
      'pricing.other.outputUsdPerMillion',
      'spend.maxUsd',
      'spend.maxUsdPerHour',
    ]);
    expect(issues.find((issue) => issue.path.endsWith('currency'))?.expected).toContain('"USD"');
  });

  it('refuses an unknown price field with the nearest valid one', () => {
    const issues = issuesOf({ pricing: { m: { inputUsdPerMillion: 1, outputUsdPerMillion: 1, outputUsd: 2 } } });
    expect(issues.map((issue) => issue.path)).toEqual(['pricing.m.outputUsd']);
  });

  it('refuses a limit below one request at the configured or built-in price', () => {
    // 1024 completion tokens at the built-in $0.75/M of gpt-oss-120b: $0.000768.
    const builtIn = issuesOf({ spend: { maxUsd: 0.0005 } });
    expect(builtIn).toEqual([{ path: 'spend.maxUsd', expected: expect.stringContaining('$0.000768') }]);
    const configured = issuesOf({
      maxCompletionTokens: 1000,
      pricing: { 'gpt-oss-120b': { inputUsdPerMillion: 1, outputUsdPerMillion: 100 } },
      spend: { maxUsdPerHour: 0.05 },
    });
    expect(configured).toEqual([{ path: 'spend.maxUsdPerHour', expected: expect.stringContaining('$0.1') }]);
    // An unpriced model cannot be checked here: admission refuses it at run time instead.
    expect(parseConfig({ model: 'qwen-3.8-27b', spend: { maxUsd: 0.0001 } }).spend.maxUsd).toBe(0.0001);
  });

  it('reads ACPT_PRICING and the spend variables, merging prices per model with a file', () => {
    const config = loadConfig({
      env: {
        ACPT_PRICING: '{"qwen-3.8-27b":{"inputUsdPerMillion":0.2,"outputUsdPerMillion":0.6}}',
        ACPT_SPEND_MAX_USD: '12.5',
        ACPT_SPEND_MAX_USD_PER_HOUR: '3',
      },
      overrides: { pricing: { 'gpt-oss-120b': { inputUsdPerMillion: 0.3, outputUsdPerMillion: 0.7 } } },
    });
    expect(Object.keys(config.pricing).sort()).toEqual(['gpt-oss-120b', 'qwen-3.8-27b']);
    expect(config.spend).toEqual({ maxUsd: 12.5, maxUsdPerHour: 3 });
  });

  it('names the variable of a non-numeric limit', () => {
    expect(() => loadConfig({ env: { ACPT_SPEND_MAX_USD: 'lots' } })).toThrow(
      /spend\.maxUsd \(env ACPT_SPEND_MAX_USD\).*a positive number of USD/,
    );
  });
});
