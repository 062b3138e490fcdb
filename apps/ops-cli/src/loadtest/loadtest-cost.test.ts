import type { AdapterDiagnostics } from '@acpt/adapter';
import type { ResolvedPrice } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { buildLoadtestCost, describeLoadtestCost, formatUsd } from './loadtest-cost.ts';

const cost = {
  currency: 'USD',
  totalUsd: 0.0123,
  pricedRequests: 950,
  unpricedRequests: 0,
  mockRequests: 50,
  mockListPriceUsd: 0.00061,
  byModel: {},
  byAttribute: {},
  mockListPriceByAttribute: {},
  spend: { active: false, refused: { total: 0, hourly: 0, unpriced: 0 } },
} as const;
const diagnostics = { cost } as unknown as AdapterDiagnostics;
const price: ResolvedPrice = {
  model: 'gpt-oss-120b',
  inputUsdPerMillion: 0.35,
  outputUsdPerMillion: 0.75,
  effectiveFrom: '2026-06-15',
  source: 'catalogue',
};

describe('the load test cost', () => {
  it('labels a run against the mock server as an estimate at list price that billed nothing', () => {
    const built = buildLoadtestCost({
      model: 'gpt-oss-120b',
      diagnostics,
      price,
      againstMockServer: true,
      warnings: [],
    });
    expect(built).toMatchObject({ basis: 'mock-server', usdPerLiveRequest: 0.0123 / 950, fallbackRequests: 50 });
    expect(describeLoadtestCost(built)).toBe(
      "Estimate at list price: the mock server's token counts × gpt-oss-120b at $0.35 input / $0.75 output per " +
        'million tokens (served catalogue price of 2026-06-15); nothing was billed. $0.0123 for 950 live answers, ' +
        '$0.00001295 per live answer ($0.01295 per 1,000). 50 fallback answers cost 0 (at list price: $0.00061).',
    );
  });

  it('says the cost is unknown for a model without a price, and labels a real endpoint as an estimate of the bill', () => {
    const unpriced = buildLoadtestCost({
      model: 'qwen-3.8-27b',
      diagnostics: {
        cost: { ...cost, totalUsd: 0, pricedRequests: 0, unpricedRequests: 950 },
      } as unknown as AdapterDiagnostics,
      price: undefined,
      againstMockServer: true,
      warnings: [],
    });
    expect(describeLoadtestCost(unpriced)).toMatch(
      /^Cost unknown: qwen-3.8-27b has no price .*950 live answers unpriced/,
    );
    const live = buildLoadtestCost({
      model: 'gpt-oss-120b',
      diagnostics,
      price,
      againstMockServer: false,
      warnings: [],
    });
    expect(describeLoadtestCost(live)).toMatch(/^Estimate of the bill: the endpoint's reported usage × gpt-oss-120b/);
  });

  it('formats sub-cent figures with enough digits', () => {
    expect([0, 12.345, 0.5, 0.0123, 0.000012953].map(formatUsd)).toEqual([
      '$0',
      '$12.35',
      '$0.5',
      '$0.0123',
      '$0.00001295',
    ]);
  });
});
