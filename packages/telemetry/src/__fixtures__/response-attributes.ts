import type { AdapterResponse } from '@acpt/adapter';

/**
 * The GenAI response attributes (id, model, finish reasons, usage) that both the logical span and the content event
 * carry, taken from what the caller received. Absent usage counts are `undefined`, which `toEqual` ignores.
 */
export function genAiResponseAttributes(response: AdapterResponse): Record<string, unknown> {
  return {
    'gen_ai.response.id': response.id,
    'gen_ai.response.model': response.model,
    'gen_ai.response.finish_reasons': [response.finishReason],
    'gen_ai.usage.input_tokens': response.usage?.promptTokens,
    'gen_ai.usage.output_tokens': response.usage?.completionTokens,
    'gen_ai.usage.cache_read.input_tokens': response.usage?.cachedTokens,
  };
}
