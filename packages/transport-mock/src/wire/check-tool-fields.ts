/** Records one validation problem: its pydantic `type`, location under `body`, and message. */
export type AddIssue = (type: string, loc: readonly (string | number)[], msg: string) => void;

const efforts = ['none', 'low', 'medium', 'high'];
const formats = ['none', 'parsed', 'text_parsed', 'raw', 'hidden'];
const choices = ['none', 'auto', 'required'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const present = (value: unknown): boolean => value !== undefined && value !== null;

/** "Input should be 'a', 'b' or 'c'", as pydantic lists literals. */
function literalMessage(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  return `Input should be ${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/**
 * Checks the shapes of the tool and reasoning fields the way the FastAPI layer does: `tools` a list of
 * `{type: "function", function: {name, parameters?}}`, `tool_choice` a literal or a named function,
 * `parallel_tool_calls` a boolean, and the `reasoning_effort` / `reasoning_format` literals. Absent and `null`
 * fields pass.
 */
export function checkToolFields(record: Readonly<Record<string, unknown>>, add: AddIssue): void {
  const { tools, tool_choice: choice, parallel_tool_calls: parallel } = record;
  if (present(tools)) {
    if (!Array.isArray(tools)) add('list_type', ['tools'], 'Input should be a valid list');
    else
      tools.forEach((tool, index) => {
        checkTool(tool, index, add);
      });
  }
  if (present(choice) && !(typeof choice === 'string' && choices.includes(choice))) checkNamedChoice(choice, add);
  if (present(parallel) && typeof parallel !== 'boolean')
    add('bool_type', ['parallel_tool_calls'], 'Input should be a valid boolean');
  checkLiteral(record, 'reasoning_effort', efforts, add);
  checkLiteral(record, 'reasoning_format', formats, add);
}

function checkNamedChoice(choice: unknown, add: AddIssue): void {
  if (!isRecord(choice) || choice.type !== 'function' || !isRecord(choice.function))
    add('literal_error', ['tool_choice'], literalMessage(choices));
  else if (typeof choice.function.name !== 'string')
    add('string_type', ['tool_choice', 'function', 'name'], 'Input should be a valid string');
}

function checkTool(tool: unknown, index: number, add: AddIssue): void {
  if (!isRecord(tool)) {
    add('model_attributes_type', ['tools', index], 'Input should be a valid dictionary or object');
    return;
  }
  if (tool.type !== 'function') add('literal_error', ['tools', index, 'type'], "Input should be 'function'");
  const definition = tool.function;
  if (!isRecord(definition)) {
    if (definition === undefined) add('missing', ['tools', index, 'function'], 'Field required');
    else add('model_attributes_type', ['tools', index, 'function'], 'Input should be a valid dictionary or object');
    return;
  }
  if (definition.name === undefined) add('missing', ['tools', index, 'function', 'name'], 'Field required');
  else if (typeof definition.name !== 'string')
    add('string_type', ['tools', index, 'function', 'name'], 'Input should be a valid string');
  if (present(definition.parameters) && !isRecord(definition.parameters))
    add('dict_type', ['tools', index, 'function', 'parameters'], 'Input should be a valid dictionary');
}

function checkLiteral(
  record: Readonly<Record<string, unknown>>,
  field: string,
  values: readonly string[],
  add: AddIssue,
): void {
  const value = record[field];
  if (present(value) && !(typeof value === 'string' && values.includes(value)))
    add('literal_error', [field], literalMessage(values));
}
