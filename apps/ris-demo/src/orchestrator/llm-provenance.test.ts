import { describe, expect, it } from 'vitest';
import type { LlmCall } from './llm-call-log.ts';
import { llmProvenance } from './llm-provenance.ts';

const call = (overrides: Partial<LlmCall>): LlmCall => ({
  agent: 'ris',
  outcome: 'success',
  transports: ['cerebras'],
  model: 'gpt-oss-120b',
  attempts: 1,
  durationMs: 100,
  promptTokens: 300,
  completionTokens: 40,
  budgetExceeded: false,
  ...overrides,
});

describe('llmProvenance', () => {
  it('sums attempts and tokens, lists transports and fallback reasons', () => {
    const record = llmProvenance(
      {
        calls: [
          call({}),
          call({
            agent: 'noma',
            outcome: 'fallback',
            transports: ['cerebras', 'acpt.mock'],
            attempts: 2,
            fallbackReason: 'retries_exhausted',
          }),
        ],
        latencyMs: 250,
        failed: false,
        skipped: false,
      },
      200,
    );
    expect(record).toEqual({
      outcome: 'fallback',
      transports: ['acpt.mock', 'cerebras'],
      model: 'gpt-oss-120b',
      requests: 2,
      attempts: 3,
      latencyMs: 250,
      budgetMs: 200,
      budgetExceeded: true,
      promptTokens: 600,
      completionTokens: 80,
      fallbackReasons: ['retries_exhausted'],
    });
  });

  it('says when requests failed and when the step was skipped', () => {
    expect(
      llmProvenance({ calls: [call({ outcome: 'error' })], latencyMs: 9, failed: true, skipped: false }, 100),
    ).toMatchObject({ outcome: 'failed' });
    expect(llmProvenance({ calls: [], latencyMs: 0, failed: true, skipped: true }, 100)).toMatchObject({
      outcome: 'skipped',
      model: null,
      requests: 0,
      budgetExceeded: false,
    });
  });
});
