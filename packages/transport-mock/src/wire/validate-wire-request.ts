import { checkAssistantFields, checkResponseFormat } from './check-format-fields.ts';
import { checkToolFields } from './check-tool-fields.ts';
import { MAX_BODY_NESTING, nestsDeeperThan } from './nesting-depth.ts';

/** One FastAPI (pydantic) validation problem, as a 422 body lists it. */
export interface ValidationIssue {
  readonly type: string;
  readonly loc: readonly (string | number)[];
  readonly msg: string;
}

const roles = new Set(['system', 'developer', 'user', 'assistant', 'tool']);

/**
 * Checks a chat-completion body the way the Cerebras (FastAPI) layer does before anything else: `model` and a
 * non-empty `messages` list with known roles, the types and ranges of the common parameters, and the shapes of the
 * tool, reasoning and response-format fields (`json_schema.name` is required), `max_completion_tokens` of at least
 * -1 (the model maximum), and no `reasoning_content` on assistant messages. Returns every issue, or an empty list.
 */
export function validateWireRequest(body: unknown): ValidationIssue[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object' }];
  if (nestsDeeperThan(body, MAX_BODY_NESTING))
    return [{ type: 'too_deep', loc: ['body'], msg: `Input nests deeper than ${MAX_BODY_NESTING} levels` }];
  const record = body as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const add = (type: string, loc: readonly (string | number)[], msg: string): void => {
    issues.push({ type, loc: ['body', ...loc], msg });
  };
  if (record.model === undefined) add('missing', ['model'], 'Field required');
  else if (typeof record.model !== 'string') add('string_type', ['model'], 'Input should be a valid string');
  const messages = record.messages;
  if (messages === undefined) add('missing', ['messages'], 'Field required');
  else if (!Array.isArray(messages)) add('list_type', ['messages'], 'Input should be a valid list');
  else if (messages.length === 0)
    add('too_short', ['messages'], 'List should have at least 1 item after validation, not 0');
  else
    messages.forEach((message, index) => {
      checkMessage(message, index, add);
    });
  checkNumber(record, 'max_completion_tokens', true, -1, undefined, add);
  checkNumber(record, 'max_tokens', true, -1, undefined, add);
  checkNumber(record, 'temperature', false, 0, 1.5, add);
  checkNumber(record, 'top_p', false, 0, 1, add);
  checkNumber(record, 'seed', true, undefined, undefined, add);
  if (record.stream !== undefined && record.stream !== null && typeof record.stream !== 'boolean')
    add('bool_type', ['stream'], 'Input should be a valid boolean');
  const stop = record.stop;
  if (stop !== undefined && stop !== null && typeof stop !== 'string') {
    if (!Array.isArray(stop) || stop.some((entry) => typeof entry !== 'string'))
      add('string_type', ['stop'], 'Input should be a valid string or a list of strings');
    else if (stop.length > 4) add('too_long', ['stop'], 'List should have at most 4 items after validation');
  }
  checkToolFields(record, add);
  checkResponseFormat(record, add);
  return issues;
}

function checkMessage(
  message: unknown,
  index: number,
  add: (type: string, loc: readonly (string | number)[], msg: string) => void,
): void {
  if (typeof message !== 'object' || message === null) {
    add('model_attributes_type', ['messages', index], 'Input should be a valid dictionary or object');
    return;
  }
  const { role, content } = message as Record<string, unknown>;
  if (role === undefined) add('missing', ['messages', index, 'role'], 'Field required');
  else if (typeof role !== 'string' || !roles.has(role))
    add(
      'literal_error',
      ['messages', index, 'role'],
      "Input should be 'system', 'developer', 'user', 'assistant' or 'tool'",
    );
  if (content !== undefined && content !== null && typeof content !== 'string' && !Array.isArray(content))
    add('string_type', ['messages', index, 'content'], 'Input should be a valid string');
  checkAssistantFields(message as Record<string, unknown>, index, add);
}

function checkNumber(
  record: Record<string, unknown>,
  field: string,
  integer: boolean,
  min: number | undefined,
  max: number | undefined,
  add: (type: string, loc: readonly (string | number)[], msg: string) => void,
): void {
  const value = record[field];
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    add(integer ? 'int_type' : 'float_type', [field], `Input should be a valid ${integer ? 'integer' : 'number'}`);
    return;
  }
  if (min !== undefined && value < min)
    add('greater_than_equal', [field], `Input should be greater than or equal to ${min}`);
  if (max !== undefined && value > max) add('less_than_equal', [field], `Input should be less than or equal to ${max}`);
}
