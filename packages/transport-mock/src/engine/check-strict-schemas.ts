import type { ChatRequest } from '@acpt/config';
import { jsonResponse, type WireResponse } from '../wire/wire-response.ts';

type Schema = Readonly<Record<string, unknown>>;

const SUPPORTED_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const MAX_ANY_OF = 5;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The 400 Cerebras gives a strict structured-output schema (`response_format.json_schema` or a tool's `parameters`
 * with `strict: true`) outside what constrained decoding supports: every object needs `"additionalProperties": false`;
 * `type` is one of string, number, integer, boolean, object, array, null (not a
 * list); no `items: true`; `$ref` only into `#/$defs` (not `definitions`); `anyOf` at most 5 branches. `undefined`
 * when every strict schema is fine; non-strict schemas are not checked. Properties left out of `required` are
 * accepted, as the real API accepted them (recorded 2025-10; version 2 may then omit them from the reply).
 */
export function checkStrictSchemas(request: ChatRequest): WireResponse | undefined {
  const format = request.responseFormat;
  if (format?.type === 'json_schema' && format.jsonSchema.strict === true && format.jsonSchema.schema !== undefined) {
    const problem = schemaProblem(format.jsonSchema.schema, '#');
    const name = typeof format.jsonSchema.name === 'string' ? `'${format.jsonSchema.name}'` : '(unnamed)';
    if (problem !== undefined) return invalidSchema(`response_format ${name}`, problem);
  }
  for (const tool of request.tools ?? []) {
    if (tool.function.strict !== true || tool.function.parameters === undefined) continue;
    const problem = schemaProblem(tool.function.parameters, '#');
    if (problem !== undefined) return invalidSchema(`tool '${tool.function.name}'`, problem);
  }
  return undefined;
}

/** The first unsupported construct under `schema`, as `at <JSON pointer>: <what>`. */
function schemaProblem(schema: unknown, at: string): string | undefined {
  if (!isSchema(schema)) return undefined;
  if (schema['definitions'] !== undefined) return `at ${at}: use "$defs", not "definitions"`;
  const ref = schema['$ref'];
  if (ref !== undefined && (typeof ref !== 'string' || !ref.startsWith('#/$defs/'))) {
    return `at ${at}: "$ref" must point into "#/$defs/"`;
  }
  const type = schema['type'];
  if (Array.isArray(type)) return `at ${at}: "type" must be one type, not a list (use "anyOf")`;
  if (type !== undefined && !SUPPORTED_TYPES.has(String(type)))
    return `at ${at}: unsupported type ${JSON.stringify(type)}`;
  if (schema['items'] === true) return `at ${at}: "items": true is not supported; give the item schema`;
  const properties = schema['properties'];
  if (type === 'object' || isSchema(properties)) {
    if (schema['additionalProperties'] !== false) return `at ${at}: objects need "additionalProperties": false`;
  }
  const anyOf = schema['anyOf'];
  if (Array.isArray(anyOf) && anyOf.length > MAX_ANY_OF)
    return `at ${at}: "anyOf" has more than ${MAX_ANY_OF} branches`;
  return childProblem(schema, at);
}

function childProblem(schema: Schema, at: string): string | undefined {
  for (const keyword of ['properties', '$defs'] as const) {
    const children = schema[keyword];
    if (!isSchema(children)) continue;
    for (const [name, child] of Object.entries(children)) {
      const problem = schemaProblem(child, `${at}/${keyword}/${name}`);
      if (problem !== undefined) return problem;
    }
  }
  const items = schema['items'];
  const itemsProblem = schemaProblem(items, `${at}/items`);
  if (itemsProblem !== undefined) return itemsProblem;
  const anyOf = schema['anyOf'];
  if (!Array.isArray(anyOf)) return undefined;
  for (const [index, branch] of anyOf.entries()) {
    const problem = schemaProblem(branch, `${at}/anyOf/${index}`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function invalidSchema(where: string, problem: string): WireResponse {
  return jsonResponse(400, {
    message: `Invalid strict JSON schema for ${where}: ${problem}.`,
    type: 'invalid_request_error',
    param: 'response_format',
    code: 'wrong_api_format',
  });
}
