import { InvalidRequestError, InvalidResponseError } from '@acpt/config';
import type { MockResponder, MockResponderOutput } from '@acpt/transport-mock';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { toStandardJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackAdapter, startLoopbackAdapter } from '../__fixtures__/loopback-adapter.ts';

const started: LoopbackAdapter[] = [];
afterEach(async () => {
  for (const loopback of started.splice(0)) await loopback.close();
});

async function loopback(responder?: MockResponder<MockResponderOutput>): Promise<LoopbackAdapter> {
  const server = await startLoopbackAdapter(responder === undefined ? {} : { responder });
  started.push(server);
  return server;
}

const Decision = v.object({
  bits: v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3))),
  note: v.optional(v.string()),
  mode: v.picklist(['beam', 'split']),
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A responder that answers with `replies[n]` on the n-th request (the last one repeats). */
function scripted(replies: readonly string[]): MockResponder<MockResponderOutput> {
  return (_request, context) => replies[Math.min(context.index, replies.length - 1)] as string;
}

describe('generateObject (real transport, mock server)', () => {
  it('sends a strict Cerebras-compatible schema and returns the typed, validated object', async () => {
    // The mock server rejects strict schemas Cerebras rejects (open objects, optional properties left out of required).
    const { adapter, requestCount } = await loopback();
    const response = await adapter.generateObject('Pick RIS phase bits.', { schema: Decision, schemaName: 'decision' });
    const bits: number[] = response.object.bits;
    expect(Array.isArray(bits)).toBe(true);
    expect(['beam', 'split']).toContain(response.object.mode);
    expect(response.object).not.toHaveProperty('note', null);
    expect(response).toMatchObject({ provider: 'cerebras', reasked: 0, attempts: 1 });
    expect(requestCount()).toBe(1);
  });

  it('drops the nulls that stand in for optional fields before validating', async () => {
    const { adapter } = await loopback(scripted(['{"bits":[1,2],"note":null,"mode":"beam"}']));
    const response = await adapter.generateObject('Pick.', { schema: Decision });
    expect(response.object).toEqual({ bits: [1, 2], mode: 'beam' });
  });

  it('re-asks once with the issues when the reply is invalid, then returns the valid object', async () => {
    const replies = ['{"bits":[7],"mode":"beam"}', '{"bits":[3],"mode":"split"}'];
    const seen: string[] = [];
    const { adapter, requestCount } = await loopback((request, context) => {
      seen.push(request.messages.at(-1)?.content ?? '');
      return replies[Math.min(context.index, 1)] as string;
    });
    const response = await adapter.generateObject('Pick.', { schema: Decision });
    expect(response.object).toEqual({ bits: [3], mode: 'split' });
    expect(response.reasked).toBe(1);
    expect(requestCount()).toBe(2);
    expect(seen[1]).toContain('bits.0');
  });

  it('rejects with InvalidResponseError carrying the issues when the re-ask is invalid too', async () => {
    const { adapter, requestCount } = await loopback(scripted(['not json', '{"bits":[9],"mode":"fly"}']));
    const error = await rejection(adapter.generateObject('Pick.', { schema: Decision }));
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    const issues = (error as InvalidResponseError).issues;
    expect(issues.map((issue) => issue.path?.join('.'))).toEqual(['bits.0', 'mode']);
    expect((error as InvalidResponseError).bodySnippet).toBe('{"bits":[9],"mode":"fly"}');
    expect(requestCount()).toBe(2);
  });

  it('makes as many re-asks as configured (0: the first invalid reply rejects)', async () => {
    const { adapter, requestCount } = await loopback(scripted(['{"bits":[],"mode":"x"}']));
    const error = await rejection(adapter.generateObject('Pick.', { schema: Decision, reasks: 0 }));
    expect((error as InvalidResponseError).issues).toMatchObject([{ path: ['mode'] }]);
    expect(requestCount()).toBe(1);
  });

  it('takes the Standard JSON Schema converter of the schema, or a caller-given JSON Schema', async () => {
    const { adapter } = await loopback();
    const viaStandard = await adapter.generateObject('Pick.', { schema: toStandardJsonSchema(Decision) });
    expect(viaStandard.object.bits).toBeInstanceOf(Array);
    // A Standard Schema from another library without a JSON Schema converter: the caller gives the wire schema.
    const custom: StandardSchemaV1<unknown, { level: number }> = {
      '~standard': {
        version: 1,
        vendor: 'custom',
        validate: (value) =>
          typeof (value as { level?: unknown }).level === 'number'
            ? { value: value as { level: number } }
            : { issues: [{ message: 'level must be a number', path: ['level'] }] },
      },
    };
    const jsonSchema = { type: 'object', properties: { level: { type: 'integer' } }, required: ['level'] };
    const viaGiven = await adapter.generateObject('Level?', { schema: custom, jsonSchema });
    expect(typeof viaGiven.object.level).toBe('number');
    const missing = await rejection(adapter.generateObject('Level?', { schema: custom }));
    expect(InvalidRequestError.isInstance(missing)).toBe(true);
    expect((missing as Error).message).toContain('pass jsonSchema');
  });
});

describe('generateTemplated with a Standard Schema (the same path)', () => {
  it('validates each packed answer with the schema and re-asks the invalid ones alone', async () => {
    const Answer = v.object({ bits: v.pipe(v.number(), v.integer(), v.maxValue(3)) });
    const { adapter } = await loopback((request) => {
      if (request.messages.length === 2 && request.messages[1]?.content?.startsWith('['))
        return '{"answers":[{"id":"a","answer":{"bits":1}},{"id":"b","answer":{"bits":9}}]}';
      return '{"answer":{"bits":2}}';
    });
    const result = await adapter.generateTemplated({
      template: 'Pick bits.',
      items: [
        { id: 'a', input: 'vehicle 1' },
        { id: 'b', input: 'vehicle 2' },
      ],
      schema: Answer,
    });
    expect(result.results).toEqual([
      { id: 'a', status: 'fulfilled', answer: { bits: 1 }, source: 'batch' },
      { id: 'b', status: 'fulfilled', answer: { bits: 2 }, source: 'individual' },
    ]);
    expect(result.stats).toMatchObject({ requests: 2, reasked: 1 });
  });
});
