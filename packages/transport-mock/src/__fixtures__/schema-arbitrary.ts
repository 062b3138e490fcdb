import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import type { JsonSchema } from '../responder/json-from-schema.ts';

const ajv = new Ajv2020({ strict: false, validateFormats: false });

/** Throws, naming the value, the schema and ajv's complaint, unless `value` satisfies `schema` (JSON Schema 2020-12). */
export function expectValid(schema: JsonSchema, value: unknown): void {
  const validate = ajv.compile(schema as object);
  if (!validate(value))
    throw new Error(`${JSON.stringify(value)} breaks ${JSON.stringify(schema)}: ${ajv.errorsText(validate.errors)}`);
}

/**
 * ajv compares `const` values with fast-deep-equal, which calls an object's own `valueOf`/`toString` when they are not
 * `Object.prototype`'s: a JSON object with such a key (`{"toString": false}`) makes ajv itself throw. Not a property of
 * `jsonFromSchema`, so those values are left out of the generated `const`s.
 */
const ajvBreakingKey = /"(valueOf|toString)":/;

const range = (maxValue: number) =>
  fc
    .tuple(fc.integer({ min: -maxValue, max: maxValue }), fc.integer({ min: -maxValue, max: maxValue }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

const leaf: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant({ type: 'string' }),
  fc
    .tuple(fc.nat(6), fc.nat(20))
    .map(([a, b]) => ({ type: 'string', minLength: Math.min(a, b), maxLength: Math.max(a, b) })),
  fc.constant({ type: 'boolean' }),
  fc.constant({ type: 'null' }),
  range(1000).map(([minimum, maximum]) => ({ type: 'integer', minimum, maximum })),
  range(50).map(([low, high]) => ({ type: 'integer', exclusiveMinimum: low - 1, exclusiveMaximum: high + 1 })),
  range(1000).map(([minimum, maximum]) => ({ type: 'number', minimum, maximum })),
  range(10).map(([low, high]) => ({ type: 'number', exclusiveMinimum: low, exclusiveMaximum: high + 0.5 })),
  fc
    .tuple(range(100), fc.constantFrom(0.5, 0.25, 2, 5))
    .map(([[minimum, maximum], multipleOf]) => ({ type: 'number', minimum, maximum: maximum + 10, multipleOf })),
  fc
    .uniqueArray(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { minLength: 1, maxLength: 5 })
    .map((values) => ({ enum: values })),
  fc
    .jsonValue({ maxDepth: 2 })
    .filter((value) => !JSON.stringify(value).match(ajvBreakingKey))
    .map((value) => ({ const: value })),
  fc.constant({ type: ['string', 'null'] }),
);

const { node, object } = fc.letrec<{
  node: Record<string, unknown>;
  object: Record<string, unknown>;
  array: Record<string, unknown>;
}>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf,
    tie('object'),
    tie('array'),
    tie('node').map((inner) => ({ anyOf: [inner, { type: 'null' }] })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((anyOf) => ({ anyOf })),
  ),
  object: fc
    .dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('node'), { maxKeys: 4 })
    .chain((properties) =>
      fc
        .subarray(Object.keys(properties))
        .map((required) => ({ type: 'object', properties, required, additionalProperties: false })),
    ),
  array: fc
    .tuple(tie('node'), fc.nat(3), fc.nat(4))
    .map(([items, a, b]) => ({ type: 'array', items, minItems: Math.min(a, b), maxItems: Math.max(a, b) })),
}));

/** Random JSON schemas of the subset `jsonFromSchema` supports: leaves, objects, arrays, `anyOf`, nullable. */
export const schemaArbitrary: fc.Arbitrary<Record<string, unknown>> = node;

/** Random object schemas (`additionalProperties: false`), as tool `parameters` are. */
export const objectSchemaArbitrary: fc.Arbitrary<Record<string, unknown>> = object;
