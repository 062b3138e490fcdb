import { type ChatMessage, InvalidRequestError, InvalidResponseError, type ResponseIssue } from '@acpt/config';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { AdapterResponse, GenerateInput, GenerateOptions } from '../adapter-types.ts';
import { toChatRequest } from '../request/to-chat-request.ts';
import { checkOutput, describeIssues, jsonSchemaOf, parseJsonReply } from './output-schema.ts';
import { dropOptionalNulls, type JsonSchemaObject, toStrictJsonSchema } from './strict-json-schema.ts';

/** Options of `generateObject()`: the call's options plus the output schema. */
export interface GenerateObjectOptions<TSchema extends StandardSchemaV1> extends GenerateOptions {
  /** Any Standard Schema (valibot, zod, arktype, …): the reply is parsed and validated with it. */
  readonly schema: TSchema;
  /**
   * The JSON Schema sent on the wire. @defaultValue the schema's Standard JSON Schema converter (zod, arktype,
   * valibot's `toStandardJsonSchema`), else `@valibot/to-json-schema` for a valibot schema
   */
  readonly jsonSchema?: JsonSchemaObject | undefined;
  /** `response_format.json_schema.name` (letters, digits, `_`, `-`). @defaultValue `'output'` */
  readonly schemaName?: string | undefined;
  /** `response_format.json_schema.description`. */
  readonly schemaDescription?: string | undefined;
  /** Re-asks after an invalid reply (the reply and its issues are sent back). @defaultValue 1 */
  readonly reasks?: number | undefined;
}

/** What `generateObject()` resolves with: the last response plus the validated object. */
export interface ObjectResponse<TOutput> extends AdapterResponse {
  /** The reply, parsed and validated by the schema (its output type). */
  readonly object: TOutput;
  /** Re-asks it took (0 when the first reply was valid). */
  readonly reasked: number;
}

/** What `generateObject()` calls: the adapter's `generate`. */
export type ObjectGenerate = (input: GenerateInput, options: GenerateOptions) => Promise<AdapterResponse>;

const SCHEMA_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Typed structured output: the schema's JSON Schema, made strict-compatible for Cerebras, as a strict `json_schema`
 * response format; the reply parsed, freed of the nulls that stand in for optional fields, and validated by the
 * Standard Schema. An invalid reply is re-asked (`reasks` times) with the issues; then it rejects with
 * `InvalidResponseError` carrying the last issues and reply.
 *
 * @throws {InvalidRequestError} when the schema has no JSON Schema or the options are invalid (nothing sent)
 */
export async function generateObject<TSchema extends StandardSchemaV1>(
  generate: ObjectGenerate,
  defaults: { readonly model: string; readonly maxCompletionTokens: number },
  input: GenerateInput,
  options: GenerateObjectOptions<TSchema>,
): Promise<ObjectResponse<StandardSchemaV1.InferOutput<TSchema>>> {
  const { schema, jsonSchema, schemaName, schemaDescription, reasks, ...callOptions } = options;
  const name = schemaName ?? 'output';
  const maxReasks = reasks ?? 1;
  if (!SCHEMA_NAME.test(name))
    throw new InvalidRequestError([{ path: 'schemaName', message: 'must be 1–64 letters, digits, "_" or "-"' }]);
  if (!Number.isInteger(maxReasks) || maxReasks < 0)
    throw new InvalidRequestError([{ path: 'reasks', message: 'must be a whole number ≥ 0' }]);
  const original = jsonSchemaOf(schema, jsonSchema);
  const request = toChatRequest(input, callOptions, defaults);
  const wireSchema = toStrictJsonSchema(original, { model: request.model });
  const responseFormat = {
    type: 'json_schema' as const,
    jsonSchema: {
      name,
      ...(schemaDescription === undefined ? {} : { description: schemaDescription }),
      schema: wireSchema,
      strict: true,
    },
  };
  let messages: readonly ChatMessage[] = request.messages;
  let issues: readonly ResponseIssue[] = [];
  let last: AdapterResponse | undefined;
  for (let reasked = 0; reasked <= maxReasks; reasked++) {
    last = await generate({ ...request, messages }, { ...callOptions, responseFormat });
    const parsed = parseJsonReply(last.text);
    if (parsed.ok) {
      const checked = await checkOutput(schema, dropOptionalNulls(parsed.value, original));
      if (checked.ok) return { ...last, object: checked.value as StandardSchemaV1.InferOutput<TSchema>, reasked };
      issues = checked.issues;
    } else issues = parsed.issues;
    if (last.finishReason === 'length')
      issues = [{ message: 'reply cut off at maxCompletionTokens', path: [] }, ...issues];
    messages = [
      ...messages,
      { role: 'assistant', content: last.text },
      {
        role: 'user',
        content: `That reply does not match the required JSON schema: ${describeIssues(issues)}. Reply again with JSON only, matching the schema.`,
      },
    ];
  }
  throw new InvalidResponseError(
    `The reply failed the output schema after ${maxReasks} re-ask${maxReasks === 1 ? '' : 's'}: ${describeIssues(issues)}`,
    { bodySnippet: last?.text ?? '', issues },
  );
}
