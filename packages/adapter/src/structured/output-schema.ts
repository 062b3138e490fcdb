import { InvalidRequestError, type ResponseIssue } from '@acpt/config';
import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import type { JsonSchemaObject } from './strict-json-schema.ts';

/** The JSON Schema of a Standard Schema for the wire: given, from the schema's own converter, or valibot's. */
export function jsonSchemaOf(
  schema: StandardSchemaV1,
  given: JsonSchemaObject | undefined,
  path = 'jsonSchema',
): JsonSchemaObject {
  if (given !== undefined) return given;
  const standard = schema['~standard'] as StandardSchemaV1.Props & Partial<StandardJSONSchemaV1.Props>;
  try {
    if (standard.jsonSchema !== undefined) return standard.jsonSchema.output({ target: 'draft-07' });
    if (standard.vendor === 'valibot')
      return toJsonSchema(schema as unknown as GenericSchema, { errorMode: 'ignore' }) as JsonSchemaObject;
  } catch (error) {
    throw new InvalidRequestError(
      [
        {
          path,
          message: `the schema could not be converted to JSON Schema; pass jsonSchema yourself (${String(error)})`,
        },
      ],
      { cause: error },
    );
  }
  throw new InvalidRequestError([
    {
      path,
      message: `a ${standard.vendor} schema has no JSON Schema converter (Standard JSON Schema); pass jsonSchema for the wire`,
    },
  ]);
}

/** The outcome of validating a parsed reply. */
export type OutputCheck<TOutput> =
  | { readonly ok: true; readonly value: TOutput }
  | { readonly ok: false; readonly issues: readonly ResponseIssue[] };

function pathOf(issue: StandardSchemaV1.Issue): PropertyKey[] {
  return (issue.path ?? []).map((segment) => (typeof segment === 'object' ? segment.key : segment));
}

/** Validates a value with any Standard Schema (sync or async), as issues with plain paths. */
export async function checkOutput<TOutput>(
  schema: StandardSchemaV1<unknown, TOutput>,
  value: unknown,
): Promise<OutputCheck<TOutput>> {
  let result = schema['~standard'].validate(value);
  if (result instanceof Promise) result = await result;
  if (result.issues === undefined) return { ok: true, value: result.value };
  return { ok: false, issues: result.issues.map((issue) => ({ message: issue.message, path: pathOf(issue) })) };
}

/** Parses reply text as JSON; a parse failure is one issue at the root. */
export function parseJsonReply(text: string): { ok: true; value: unknown } | { ok: false; issues: ResponseIssue[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, issues: [{ message: `reply is not JSON: ${(error as Error).message}`, path: [] }] };
  }
}

/** One line per issue, `bits.2: Invalid value`, for messages and re-ask prompts. */
export function describeIssues(issues: readonly ResponseIssue[]): string {
  return issues
    .map(
      (issue) =>
        `${issue.path && issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`,
    )
    .join('; ');
}
