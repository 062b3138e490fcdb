import type { RandomSource } from '../random/seeded-random.ts';
import { randomInteger, randomPick } from '../random/seeded-random.ts';
import { numberInRange } from './schema-numbers.ts';
import { stringForSchema } from './schema-strings.ts';
import { SCHEMA_BOUNDS, SchemaTooLargeError } from './schema-too-large-error.ts';

/** A JSON schema (the subset structured outputs use), or a boolean schema. */
export type JsonSchema = Readonly<Record<string, unknown>> | boolean;

type SchemaObject = Readonly<Record<string, unknown>>;

interface Walk {
  readonly root: JsonSchema;
  readonly random: RandomSource;
  readonly depth: number;
  /** JSON pointer of the current schema location (for error messages). */
  readonly at: string;
  /** Nested `generate` calls (depth plus `anyOf`/`allOf` hops), bounding the stack. */
  readonly frames: number;
  /** Values and approximate bytes generated so far, shared by the whole walk. */
  readonly spent: { values: number; bytes: number };
}

/** Past this depth optional properties are left out and arrays kept at `minItems`, so recursive schemas end. */
const maxDepth = 6;

/**
 * Builds a JSON value that satisfies `schema`, drawing every choice from `random` (same random sequence, same
 * value). Supports `type` (also as a list), `enum`, `const`, objects with `properties`/`required` (required ones
 * always, optional ones by coin flip, never extra ones), arrays with `items`/`prefixItems`, `minItems`/`maxItems`
 * and `uniqueItems`, numbers and integers within `minimum`/`maximum` (exclusive ones too) and `multipleOf`, strings
 * within `minLength`/`maxLength` and common `format`s, `anyOf`/`oneOf`, `allOf` of objects, `$ref` into
 * `$defs`/`definitions`, and `nullable`. `pattern` is not honoured. The value is bounded
 * ({@link SCHEMA_BOUNDS}: 10,000 values, nesting 32, about 1 MiB); a schema whose smallest valid value is larger (a
 * huge `minItems` or `minLength`, recursion through required properties) fails fast with a `SchemaTooLargeError`.
 *
 * @throws {SchemaTooLargeError} when no value within the bounds satisfies the schema
 *
 * @example
 * jsonFromSchema({ type: 'object', properties: { bits: { type: 'integer', minimum: 0, maximum: 3 } },
 *   required: ['bits'], additionalProperties: false }, createSeededRandom(1)); // e.g. { bits: 2 }
 */
export function jsonFromSchema(schema: JsonSchema, random: RandomSource): unknown {
  return generate(schema, { root: schema, random, depth: 0, at: '#', frames: 0, spent: { values: 0, bytes: 0 } });
}

function spend(walk: Walk, bytes: number): void {
  walk.spent.values += 1;
  walk.spent.bytes += bytes;
  if (walk.depth > SCHEMA_BOUNDS.depth || walk.frames > SCHEMA_BOUNDS.depth * 8)
    throw new SchemaTooLargeError(
      walk.at,
      `nesting deeper than ${SCHEMA_BOUNDS.depth} (recursive required properties?)`,
    );
  if (walk.spent.values > SCHEMA_BOUNDS.values)
    throw new SchemaTooLargeError(walk.at, `more than ${SCHEMA_BOUNDS.values} values`);
  if (walk.spent.bytes > SCHEMA_BOUNDS.bytes)
    throw new SchemaTooLargeError(walk.at, `more than ${SCHEMA_BOUNDS.bytes} bytes`);
}

function child(walk: Walk, segment: string): Walk {
  return { ...walk, depth: walk.depth + 1, frames: walk.frames + 1, at: `${walk.at}/${segment}` };
}

function hop(walk: Walk, segment: string): Walk {
  return { ...walk, frames: walk.frames + 1, at: `${walk.at}/${segment}` };
}

function generate(schema: JsonSchema, walk: Walk): unknown {
  spend(walk, 8);
  if (schema === true) return 'mock';
  if (schema === false) return null;
  const resolved = resolveRef(schema, walk.root);
  if ('const' in resolved) return resolved.const;
  if (Array.isArray(resolved.enum) && resolved.enum.length > 0) return randomPick(walk.random, resolved.enum);
  const branches = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) return generate(pickBranch(branches, walk), hop(walk, 'anyOf'));
  if (Array.isArray(resolved.allOf)) return generate(mergeAll(resolved), hop(walk, 'allOf'));
  if (resolved.nullable === true && walk.random() < 0.2) return null;
  switch (pickType(resolved, walk.random)) {
    case 'null':
      return null;
    case 'boolean':
      return walk.random() < 0.5;
    case 'integer':
      return numberInRange(resolved, walk.random, true);
    case 'number':
      return numberInRange(resolved, walk.random, false);
    case 'object':
      return objectFor(resolved, walk);
    case 'array':
      return arrayFor(resolved, walk);
    default: {
      const minLength = typeof resolved.minLength === 'number' ? resolved.minLength : 0;
      if (minLength > SCHEMA_BOUNDS.bytes)
        throw new SchemaTooLargeError(walk.at, `"minLength" ${minLength} exceeds ${SCHEMA_BOUNDS.bytes} bytes`);
      const text = stringForSchema(resolved, walk.random);
      spend(walk, text.length);
      return text;
    }
  }
}

function resolveRef(schema: SchemaObject, root: JsonSchema): SchemaObject {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops += 1) {
    const { $ref, ...siblings } = current;
    const target = pointer(root, $ref as string);
    current = { ...(typeof target === 'object' ? target : {}), ...siblings };
  }
  return current;
}

function pointer(root: JsonSchema, reference: string): JsonSchema {
  if (!reference.startsWith('#')) throw new Error(`jsonFromSchema: only local $ref are supported, got ${reference}`);
  let node: unknown = root;
  for (const raw of reference.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (typeof node !== 'object' && typeof node !== 'boolean')
    throw new Error(`jsonFromSchema: unresolved $ref ${reference}`);
  return node as JsonSchema;
}

function pickBranch(branches: readonly JsonSchema[], walk: Walk): JsonSchema {
  if (walk.depth < maxDepth) return randomPick(walk.random, branches);
  const leaf = branches.find(
    (branch) => typeof branch === 'object' && branch.type !== 'object' && branch.type !== 'array',
  );
  return leaf ?? (branches[0] as JsonSchema);
}

function mergeAll(schema: SchemaObject): SchemaObject {
  const { allOf, ...rest } = schema;
  let merged: Record<string, unknown> = { ...rest };
  for (const part of allOf as JsonSchema[]) {
    if (typeof part !== 'object') continue;
    merged = {
      ...merged,
      ...part,
      properties: { ...(merged.properties as object), ...(part.properties as object) },
      required: [...((merged.required as string[]) ?? []), ...((part.required as string[]) ?? [])],
    };
  }
  return merged;
}

function pickType(schema: SchemaObject, random: RandomSource): string {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type) && type.length > 0) {
    const concrete = type.filter((entry) => entry !== 'null');
    return concrete.length > 0 && (concrete.length === type.length || random() < 0.8)
      ? (randomPick(random, concrete) as string)
      : 'null';
  }
  if (schema.properties !== undefined || schema.required !== undefined) return 'object';
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
  if (schema.minimum !== undefined || schema.maximum !== undefined) return 'number';
  return 'string';
}

function objectFor(schema: SchemaObject, walk: Walk): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Readonly<Record<string, JsonSchema>>;
  const required = new Set((schema.required ?? []) as string[]);
  const minProperties = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    const include = required.has(name) || (walk.depth < maxDepth && walk.random() < 0.5);
    if (include) result[name] = generate(property, child(walk, `properties/${name}`));
  }
  for (const name of required) if (!(name in result)) result[name] = 'mock';
  for (const [name, property] of Object.entries(properties)) {
    if (Object.keys(result).length >= minProperties) break;
    if (!(name in result)) result[name] = generate(property, child(walk, `properties/${name}`));
  }
  return result;
}

function arrayFor(schema: SchemaObject, walk: Walk): unknown[] {
  const prefix = (schema.prefixItems ?? []) as JsonSchema[];
  const minItems = Math.max(typeof schema.minItems === 'number' ? schema.minItems : 0, 0);
  if (minItems > SCHEMA_BOUNDS.values)
    throw new SchemaTooLargeError(walk.at, `"minItems" ${minItems} exceeds ${SCHEMA_BOUNDS.values} values`);
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Math.max(minItems, 3);
  const count = walk.depth < maxDepth ? randomInteger(walk.random, minItems, Math.max(minItems, maxItems)) : minItems;
  const items = (schema.items ?? true) as JsonSchema;
  const next = child(walk, 'items');
  const result: unknown[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; result.length < count && attempt < count * 20 + 20; attempt += 1) {
    const position = result.length;
    const value = generate(position < prefix.length ? (prefix[position] as JsonSchema) : items, next);
    const text = JSON.stringify(value);
    if (schema.uniqueItems === true && seen.has(text)) continue;
    seen.add(text);
    result.push(value);
  }
  return result;
}
