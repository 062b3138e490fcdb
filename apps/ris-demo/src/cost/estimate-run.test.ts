import { createPriceResolver } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_WEIGHTS } from '../orchestrator/kpi-weights.ts';
import { estimateRun } from './estimate-run.ts';
import { renderEstimate } from './render-estimate.ts';

const base = {
  steps: 5,
  batching: 'micro' as const,
  weights: DEFAULT_KPI_WEIGHTS,
  model: 'gpt-oss-120b',
  prices: createPriceResolver({ onWarning: () => {} }),
};

describe('estimateRun', () => {
  it('projects a multi-seed run as the sum of its seeds, with a cost range at the list price', () => {
    const one = estimateRun({ ...base, seeds: [1] });
    const other = estimateRun({ ...base, seeds: [2] });
    const both = estimateRun({ ...base, seeds: [1, 2] });
    expect(both.requests).toBe(one.requests + other.requests);
    expect(both.promptTokens).toBe(one.promptTokens + other.promptTokens);
    expect(both.maxCompletionTokens).toBe(2 * one.maxCompletionTokens);
    expect(one.requests).toBe(15);
    expect(both.floorUsd).toBeCloseTo((both.promptTokens * 0.35) / 1e6, 12);
    expect(both.ceilingUsd).toBeCloseTo((both.promptTokens * 0.35 + both.maxCompletionTokens * 0.75) / 1e6, 12);
    expect(renderEstimate(both)).toMatch(/^Estimate, nothing sent: 2 seeds × 5 steps/);
  });

  it('packs one request per step with templated batching', () => {
    const templated = estimateRun({ ...base, seeds: [1], batching: 'templated' });
    expect(templated.requests).toBe(5);
    expect(templated.promptTokens).toBeLessThan(estimateRun({ ...base, seeds: [1] }).promptTokens);
  });
});
