import type { ChatRequest } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { createMockTransport } from './create-mock-transport.ts';

const messages = [{ role: 'user' as const, content: 'Pick RIS phase bits.' }];
const optionalSchema = {
  type: 'object',
  properties: {
    bits: { type: 'integer', minimum: 0, maximum: 3 },
    note: { type: 'string' },
    vehicle: { type: 'integer', minimum: 0, maximum: 7 },
  },
  required: ['bits'],
  additionalProperties: false,
};

async function rejection(request: ChatRequest): Promise<Error & { status?: number; retryable?: boolean }> {
  return createMockTransport()
    .complete(request)
    .then(
      () => {
        throw new Error('the call succeeded');
      },
      (caught: unknown) => caught as Error,
    );
}

describe('the mock matches what the real API accepts and refuses', () => {
  it('accepts a strict schema with optional properties and sometimes omits them, deterministically', async () => {
    const transport = createMockTransport({ seed: 3 });
    const seen = { with: 0, without: 0 };
    for (let index = 0; index < 16; index += 1) {
      const request: ChatRequest = {
        messages: [{ role: 'user', content: `Pick bits for vehicle ${index}.` }],
        responseFormat: { type: 'json_schema', jsonSchema: { name: 'pick', schema: optionalSchema, strict: true } },
      };
      const reply = JSON.parse((await transport.complete(request)).text) as Record<string, unknown>;
      expect(Object.keys(reply).every((key) => key in optionalSchema.properties)).toBe(true);
      expect(typeof reply.bits).toBe('number');
      if ('note' in reply) seen.with += 1;
      else seen.without += 1;
      const again = JSON.parse((await createMockTransport({ seed: 3 }).complete(request)).text);
      expect(again).toEqual(reply);
    }
    expect(seen.with).toBeGreaterThan(0);
    expect(seen.without).toBeGreaterThan(0);
  });

  it('accepts a strict tool whose parameters have an optional property', async () => {
    const response = await createMockTransport().complete({
      messages,
      tools: [{ type: 'function', function: { name: 'set_phase', parameters: optionalSchema, strict: true } }],
      toolChoice: 'required',
    });
    expect(response.finishReason).toBe('tool_calls');
    expect(JSON.parse(response.toolCalls?.[0]?.function.arguments ?? '')).toHaveProperty('bits');
  });

  it('refuses a json_schema response format without a name, naming the field', async () => {
    const error = await rejection({
      messages,
      responseFormat: { type: 'json_schema', jsonSchema: { schema: optionalSchema, strict: true } },
    } as unknown as ChatRequest);
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(error.message).toContain('response_format.json_schema.name: Field required');
    expect(error.message).not.toContain("'undefined'");
  });

  it('answers a schema that cannot be generated within bounds with a non-retryable 400, at once', async () => {
    const huge = { type: 'array', items: { type: 'integer' }, minItems: 50_000_000 };
    const hugeError = await rejection({
      messages,
      responseFormat: { type: 'json_schema', jsonSchema: { name: 'huge', schema: huge } },
    });
    expect(hugeError).toMatchObject({ status: 400, retryable: false });
    expect(hugeError.message).toContain('"minItems" 50000000 exceeds 10000 values');
    const recursive = {
      type: 'object',
      properties: { next: { $ref: '#' } },
      required: ['next'],
      additionalProperties: false,
    };
    const recursiveError = await rejection({
      messages,
      tools: [{ type: 'function', function: { name: 'loop', parameters: recursive } }],
      toolChoice: 'required',
    });
    expect(recursiveError).toMatchObject({ status: 400, retryable: false });
    expect(recursiveError.message).toContain('nesting deeper than 32');
    const longString = { type: 'string', minLength: 1e9 };
    expect(
      await rejection({
        messages,
        responseFormat: { type: 'json_schema', jsonSchema: { name: 'long', schema: longString } },
      }),
    ).toMatchObject({ status: 400 });
  });

  it('keeps a generous maxLength short instead of drawing a huge string', async () => {
    const response = await createMockTransport().complete({
      messages,
      responseFormat: { type: 'json_schema', jsonSchema: { name: 's', schema: { type: 'string', maxLength: 1e9 } } },
    });
    expect(JSON.parse(response.text).length).toBeLessThanOrEqual(256);
  });
});
