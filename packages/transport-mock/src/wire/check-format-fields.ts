import type { AddIssue } from './check-tool-fields.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const formatTypes = ['text', 'json_object', 'json_schema'];

/**
 * Checks `response_format` as the real API does: a `type` of `text`, `json_object` or `json_schema`, and for
 * `json_schema` a `json_schema` object with a string `name` (required: a Cerebras maintainer confirmed it) and, when
 * given, an object `schema` and a boolean `strict`.
 */
export function checkResponseFormat(record: Readonly<Record<string, unknown>>, add: AddIssue): void {
  const format = record.response_format;
  if (format === undefined || format === null) return;
  if (!isRecord(format)) {
    add('model_attributes_type', ['response_format'], 'Input should be a valid dictionary or object');
    return;
  }
  if (typeof format.type !== 'string' || !formatTypes.includes(format.type)) {
    add('literal_error', ['response_format', 'type'], "Input should be 'text', 'json_object' or 'json_schema'");
    return;
  }
  if (format.type !== 'json_schema') return;
  const schema = format.json_schema;
  if (!isRecord(schema)) {
    if (schema === undefined) add('missing', ['response_format', 'json_schema'], 'Field required');
    else add('model_attributes_type', ['response_format', 'json_schema'], 'Input should be a valid dictionary');
    return;
  }
  if (schema.name === undefined || schema.name === null)
    add('missing', ['response_format', 'json_schema', 'name'], 'Field required');
  else if (typeof schema.name !== 'string')
    add('string_type', ['response_format', 'json_schema', 'name'], 'Input should be a valid string');
  if (schema.schema !== undefined && schema.schema !== null && !isRecord(schema.schema))
    add('dict_type', ['response_format', 'json_schema', 'schema'], 'Input should be a valid dictionary');
  if (schema.strict !== undefined && schema.strict !== null && typeof schema.strict !== 'boolean')
    add('bool_type', ['response_format', 'json_schema', 'strict'], 'Input should be a valid boolean');
}

/**
 * The assistant-message fields the real API refuses (recorded: `messages.2.assistant.reasoning_content: property
 * 'messages.2.assistant.reasoning_content' is unsupported`); prior reasoning goes in `reasoning`.
 */
export function checkAssistantFields(message: Readonly<Record<string, unknown>>, index: number, add: AddIssue): void {
  if (message.role !== 'assistant' || !('reasoning_content' in message)) return;
  const path = `messages.${index}.assistant.reasoning_content`;
  add('unsupported', ['messages', index, 'assistant', 'reasoning_content'], `property '${path}' is unsupported`);
}
