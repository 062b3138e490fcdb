import { describe, expect, it } from 'vitest';
import { SEMCONV_LATEST, SEMCONV_V1_41, selectSemconvNames } from './semconv.ts';

describe('selectSemconvNames', () => {
  it('defaults to v1.41.0', () => {
    expect(selectSemconvNames(undefined)).toBe(SEMCONV_V1_41);
    expect(selectSemconvNames('')).toBe(SEMCONV_V1_41);
    expect(selectSemconvNames('http,database')).toBe(SEMCONV_V1_41);
  });

  it('switches to the newest names when the comma list holds gen_ai_latest_experimental', () => {
    expect(selectSemconvNames('gen_ai_latest_experimental')).toBe(SEMCONV_LATEST);
    expect(selectSemconvNames('http/dup, gen_ai_latest_experimental ')).toBe(SEMCONV_LATEST);
  });

  it('names the metrics of each mode', () => {
    expect(SEMCONV_V1_41.operationDuration).toBe('gen_ai.client.operation.duration');
    expect(SEMCONV_LATEST.operationDuration).toBe('gen_ai.client.inference.duration');
    expect(SEMCONV_V1_41.tokenUsageHistogram).toBe('gen_ai.client.token.usage');
    expect(SEMCONV_LATEST.tokenUsageHistogram).toBeUndefined();
  });
});
