import type { ChatRequest } from '@acpt/config';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['vehicle', 'phaseBits', 'power', 'order'],
  properties: {
    vehicle: { type: 'integer', minimum: 0, maximum: 7 },
    phaseBits: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'integer', enum: [0, 1, 2, 3] } },
    power: { type: 'number', minimum: 0.1, maximum: 1 },
    order: { anyOf: [{ type: 'string', enum: ['near-first', 'far-first'] }, { type: 'null' }] },
  },
} as const;

const tools: ChatRequest['tools'] = [
  { type: 'function', function: { name: 'set_phase', parameters: schema, strict: true } },
  { type: 'function', function: { name: 'read_channel', description: 'Reads one channel.' } },
];
const toolChoices = ['auto', 'required', { type: 'function', function: { name: 'read_channel' } }] as const;
const reasoningFormats = [undefined, 'parsed', 'raw', 'hidden'] as const;
const efforts = ['low', 'medium', 'high'] as const;

/**
 * 1,000 varied requests (texts, JSON objects, JSON schemas, stops, token limits, Unicode, tool calls under every
 * `tool_choice`, reasoning at every effort and in every format), the same on every run.
 */
export function determinismRequests(): ChatRequest[] {
  return Array.from({ length: 1000 }, (_, index): ChatRequest => {
    const user = `Step ${index}: vehicle ${index % 8} at ${(index * 7) % 100} m — 信号 ${'é'.repeat(index % 3)} 🚗`;
    const base: ChatRequest = {
      model: index % 5 === 0 ? 'qwen-3.8-27b' : 'gpt-oss-120b',
      messages: [
        { role: 'system', content: 'You steer a RIS for a V2I NOMA downlink.' },
        { role: 'user', content: user },
      ],
      temperature: (index % 4) * 0.25,
      seed: index % 3,
    };
    switch (index % 4) {
      case 1:
        return {
          ...base,
          responseFormat: { type: 'json_schema', jsonSchema: { name: 'decision', schema, strict: true } },
        };
      case 2:
        return { ...base, responseFormat: { type: 'json_object' }, maxCompletionTokens: 5 + (index % 20) };
      case 3:
        if (index % 8 === 7)
          return {
            ...base,
            stop: ['gain'],
            reasoningEffort: efforts[index % 3],
            reasoningFormat: reasoningFormats[Math.floor(index / 8) % 4],
          };
        return { ...base, stop: ['gain', 'beam'] };
      default:
        if (index % 8 === 4)
          return {
            ...base,
            tools,
            toolChoice: toolChoices[index % 3],
            parallelToolCalls: index % 5 !== 0,
            ...(index % 3 === 0 ? { reasoningEffort: 'low' as const } : {}),
            ...(index % 7 === 0 ? { maxCompletionTokens: 20 } : {}),
          };
        return base;
    }
  });
}
