import type { ChatRequest } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSameErrorBothPaths } from '../__fixtures__/same-error-both-paths.ts';
import { schemaArbitrary } from '../__fixtures__/schema-arbitrary.ts';
import { checkStrictSchemas } from './check-strict-schemas.ts';

type Schema = Record<string, unknown>;

const withFormat = (schema: Schema, strict = true): ChatRequest => ({
  model: 'gpt-oss-120b',
  messages: [{ role: 'user', content: 'Pick bits.' }],
  responseFormat: { type: 'json_schema', jsonSchema: { name: 'decision', schema, strict } },
});

function problemOf(request: ChatRequest): string | undefined {
  const response = checkStrictSchemas(request);
  if (response === undefined) return undefined;
  expect(response.status).toBe(400);
  return (JSON.parse(response.body) as { message: string }).message;
}

const object = (properties: Schema, extra: Schema = {}): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
  ...extra,
});

/** Makes a generated schema strict: every object closed with all keys required, type lists as `anyOf`. */
function strictify(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const source = schema as Schema;
  if (Array.isArray(source['type'])) return { anyOf: (source['type'] as string[]).map((type) => ({ type })) };
  const result: Schema = { ...source };
  if (source['properties'] !== undefined) {
    const properties = Object.fromEntries(
      Object.entries(source['properties'] as Schema).map(([key, value]) => [key, strictify(value)]),
    );
    Object.assign(result, { properties, required: Object.keys(properties), additionalProperties: false });
  }
  if (source['items'] !== undefined) result['items'] = strictify(source['items']);
  if (Array.isArray(source['anyOf'])) result['anyOf'] = (source['anyOf'] as unknown[]).map(strictify);
  return result;
}

describe('checkStrictSchemas (Cerebras structured outputs with strict: true)', () => {
  it('accepts closed objects with every property required, nullable via anyOf, $defs references', () => {
    const schema = object(
      {
        bits: { type: 'array', items: { type: 'integer', enum: [0, 1, 2, 3] } },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        target: { $ref: '#/$defs/rsu' },
      },
      { $defs: { rsu: object({ id: { type: 'string' } }) } },
    );
    expect(problemOf(withFormat(schema))).toBeUndefined();
  });

  it('names the first unsupported construct and where it is', () => {
    const cases: [Schema, RegExp][] = [
      [
        { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
        /at #: objects need "additionalProperties": false/,
      ],
      [
        object({ inner: { type: 'object', properties: {}, additionalProperties: true } }),
        /at #\/properties\/inner: objects need/,
      ],
      [object({ a: { type: ['string', 'null'] } }), /at #\/properties\/a: "type" must be one type/],
      [object({ list: { type: 'array', items: true } }), /"items": true is not supported/],
      [
        object({ a: { $ref: '#/definitions/x' } }, { definitions: { x: { type: 'string' } } }),
        /use "\$defs", not "definitions"/,
      ],
      [
        object({ a: { anyOf: [1, 2, 3, 4, 5, 6].map(() => ({ type: 'string' })) } }),
        /"anyOf" has more than 5 branches/,
      ],
      [object({ a: { type: 'date' } }), /unsupported type "date"/],
    ];
    for (const [schema, expected] of cases) expect(problemOf(withFormat(schema))).toMatch(expected);
  });

  it('accepts properties left out of "required", as the real API did (recorded 2025-10)', () => {
    const optional = { ...object({ a: { type: 'string' }, b: { type: 'string' } }), required: ['a'] };
    expect(problemOf(withFormat(optional))).toBeUndefined();
    expect(problemOf(withFormat(object({ inner: { ...optional, required: [] } })))).toBeUndefined();
  });

  it('checks strict tool parameters too, and nothing that is not strict', () => {
    const open = { type: 'object', properties: { a: { type: 'string' } } };
    expect(problemOf(withFormat(open, false))).toBeUndefined();
    const tool = (strict: boolean): ChatRequest => ({
      model: 'gpt-oss-120b',
      messages: [{ role: 'user', content: 'Pick bits.' }],
      tools: [{ type: 'function', function: { name: 'set_phase', parameters: open, strict } }],
    });
    expect(problemOf(tool(true))).toMatch(/for tool 'set_phase': at #: objects need/);
    expect(problemOf(tool(false))).toBeUndefined();
  });

  it('any generated schema made strict passes; opening one object fails at its pointer (property)', () => {
    fc.assert(
      fc.property(schemaArbitrary, (generated) => {
        const strict = object({ value: strictify(generated) as Schema });
        expect(problemOf(withFormat(strict))).toBeUndefined();
        const opened = { ...strict, additionalProperties: true };
        expect(problemOf(withFormat(opened))).toMatch(/at #: objects need/);
      }),
    );
  });

  it('the in-process mock and the server answer with the same 400', async () => {
    const open = { type: 'object', properties: { a: { type: 'string' } } };
    const body = await expectSameErrorBothPaths(
      withFormat(open),
      {
        model: 'gpt-oss-120b',
        messages: [{ role: 'user', content: 'Pick bits.' }],
        response_format: { type: 'json_schema', json_schema: { name: 'decision', strict: true, schema: open } },
      },
      400,
    );
    expect(body).toMatch(/objects need/);
  });
});
