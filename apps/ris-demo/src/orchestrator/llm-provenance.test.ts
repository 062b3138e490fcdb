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

const phase = { latencyMs: 250, failed: false, skipped: false, invalidReplies: 0, clock: 'wall' as const };

describe('llmProvenance', () => {
  it('sums attempts and tokens, lists transports and fallback reasons, and reports live figures as measured', () => {
    const record = llmProvenance(
      {
        ...phase,
        invalidReplies: 1,
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
      },
      200,
    );
    expect(record).toEqual({
      outcome: 'fallback',
      transports: ['acpt.mock', 'cerebras'],
      model: 'gpt-oss-120b',
      requests: 2,
      attempts: 3,
      invalidReplies: 1,
      budgetMs: 200,
      measured: { clock: 'wall', latencyMs: 250, budgetExceeded: true, promptTokens: 600, completionTokens: 80 },
      adapterPath: null,
      fallbackReasons: ['retries_exhausted'],
    });
  });

  it('in mock mode names no model and keeps the virtual latency and mock tokens out of `measured`', () => {
    const record = llmProvenance({ ...phase, clock: 'virtual', calls: [call({ transports: ['acpt.mock'] })] }, 500);
    expect(record.model).toBeNull();
    expect(record.measured).toBeNull();
    expect(record.adapterPath).toEqual({
      clock: 'virtual',
      latencyMs: 250,
      budgetExceeded: false,
      promptTokens: 300,
      completionTokens: 40,
    });
  });

  it('says when requests failed and when the step was skipped', () => {
    expect(
      llmProvenance({ ...phase, calls: [call({ outcome: 'error' })], latencyMs: 9, failed: true }, 100),
    ).toMatchObject({ outcome: 'failed' });
    expect(llmProvenance({ ...phase, calls: [], latencyMs: 0, failed: true, skipped: true }, 100)).toMatchObject({
      outcome: 'skipped',
      model: null,
      requests: 0,
      measured: { budgetExceeded: false },
    });
  });
});
