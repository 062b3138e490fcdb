/** A JSON Schema node (draft-07 / 2020-12 subset), as plain JSON. */
export type JsonSchemaObject = Readonly<Record<string, unknown>>;

type Mutable = Record<string, unknown>;

const isObject = (value: unknown): value is JsonSchemaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords Cerebras reportedly rejects for `qwen-3.8-27b` (third-party report); the validator still enforces them. */
const QWEN_UNSUPPORTED = ['pattern', 'minLength', 'maxLength', 'format'];

/** Options of {@link toStrictJsonSchema}. */
export interface StrictJsonSchemaOptions {
  /** The target model: for Qwen models, string keywords their constrained decoding rejects are left out. */
  readonly model?: string | undefined;
}

function allowsNull(schema: unknown): boolean {
  if (!isObject(schema)) return true;
  if (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'))) return true;
  const branches = schema.anyOf ?? schema.oneOf;
  return Array.isArray(branches) && branches.some(allowsNull);
}

function convert(schema: unknown, drop: readonly string[]): unknown {
  if (schema === true) return {};
  if (!isObject(schema)) return schema;
  const out: Mutable = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema' || key === 'definitions' || drop.includes(key)) continue;
    out[key === 'oneOf' ? 'anyOf' : key] = value;
  }
  const definitions = schema.definitions ?? schema.$defs;
  if (isObject(definitions)) {
    out.$defs = Object.fromEntries(Object.entries(definitions).map(([name, child]) => [name, convert(child, drop)]));
  }
  if (typeof out.$ref === 'string') out.$ref = out.$ref.replace('#/definitions/', '#/$defs/');
  if (Array.isArray(out.anyOf)) out.anyOf = out.anyOf.map((branch) => convert(branch, drop));
  if (out.items !== undefined) out.items = convert(out.items, drop);
  if (Array.isArray(out.type)) {
    const { type, ...rest } = out;
    return { anyOf: (type as unknown[]).map((single) => ({ ...rest, type: single })) };
  }
  const properties = out.properties;
  if (out.type === 'object' || isObject(properties)) {
    const required = new Set(Array.isArray(out.required) ? (out.required as string[]) : []);
    const strictProperties: Mutable = {};
    for (const [name, child] of Object.entries(isObject(properties) ? properties : {})) {
      const converted = convert(child, drop);
      strictProperties[name] =
        required.has(name) || allowsNull(converted) ? converted : { anyOf: [converted, { type: 'null' }] };
    }
    out.type = 'object';
    out.properties = strictProperties;
    out.required = Object.keys(strictProperties);
    out.additionalProperties = false;
  }
  return out;
}

/**
 * Rewrites a JSON Schema into what Cerebras' strict structured outputs accept (`cerebras-api.md` §2): every object
 * closed (`additionalProperties: false`) with all its properties `required`, optional ones made nullable (`anyOf`
 * with `null`; {@link dropOptionalNulls} removes those nulls again before validation); `"type": [...]` as `anyOf`;
 * `oneOf` as `anyOf`; `definitions` as `$defs` with `$ref`s rewritten; `items: true` as `{}`; no `$schema`; for Qwen
 * models no `pattern`/`minLength`/`maxLength`/`format`. The input is not modified.
 */
export function toStrictJsonSchema(schema: JsonSchemaObject, options: StrictJsonSchemaOptions = {}): JsonSchemaObject {
  const drop = options.model?.startsWith('qwen') ? QWEN_UNSUPPORTED : [];
  return convert(schema, drop) as JsonSchemaObject;
}

function resolve(schema: unknown, root: JsonSchemaObject): unknown {
  if (!isObject(schema) || typeof schema.$ref !== 'string') return schema;
  const name = schema.$ref.replace(/^#\/(\$defs|definitions)\//, '');
  const definitions = (root.$defs ?? root.definitions) as JsonSchemaObject | undefined;
  return definitions?.[name];
}

function strip(value: unknown, schema: unknown, root: JsonSchemaObject): unknown {
  const resolved = resolve(schema, root);
  if (!isObject(resolved)) return value;
  if (Array.isArray(value)) return value.map((entry) => strip(entry, resolved.items, root));
  if (!isObject(value)) return value;
  const branches = resolved.anyOf ?? resolved.oneOf;
  if (Array.isArray(branches)) {
    const objectBranch = branches.find((branch) => isObject(resolve(branch, root)));
    return objectBranch === undefined ? value : strip(value, objectBranch, root);
  }
  const properties = isObject(resolved.properties) ? resolved.properties : {};
  const required = new Set(Array.isArray(resolved.required) ? (resolved.required as string[]) : []);
  const out: Mutable = {};
  for (const [name, entry] of Object.entries(value)) {
    const child = properties[name];
    if (entry === null && !required.has(name) && child !== undefined && !allowsNull(resolve(child, root))) continue;
    out[name] = strip(entry, child, root);
  }
  return out;
}

/**
 * Removes the `null`s that {@link toStrictJsonSchema}'s nullable stand-ins for optional properties let the model
 * send, guided by the caller's original schema: a `null` is dropped only where the original property was optional
 * and did not itself allow `null`. Returns a new value.
 */
export function dropOptionalNulls(value: unknown, originalSchema: JsonSchemaObject): unknown {
  return strip(value, originalSchema, originalSchema);
}
