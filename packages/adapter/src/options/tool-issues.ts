import type { ChatMessage, RequestIssue, ToolChoice, ToolDefinition } from '@acpt/config';

/** Tool names Cerebras accepts: letters, digits and `_`, 1 to 64 characters (dashes are rejected). */
const TOOL_NAME = /^[A-Za-z0-9_]{1,64}$/;

/**
 * The problems of per-call tools, checked as the Cerebras API checks them before anything runs: function tools with
 * valid, unique names and object parameters; a `toolChoice` only with tools, naming one of them; every `tool` message
 * quoting a `toolCallId`.
 */
export function toolIssues(
  tools: readonly ToolDefinition[] | undefined,
  toolChoice: ToolChoice | undefined,
  messages: readonly ChatMessage[],
): RequestIssue[] {
  const issues: RequestIssue[] = [];
  const names = new Set<string>();
  tools?.forEach((tool, index) => {
    const path = `tools[${index}]`;
    if (tool?.type !== 'function') {
      issues.push({ path: `${path}.type`, message: 'must be "function" (the only tool type Cerebras serves)' });
      return;
    }
    const name = tool.function?.name;
    if (typeof name !== 'string' || !TOOL_NAME.test(name))
      issues.push({
        path: `${path}.function.name`,
        message: `must be 1–64 letters, digits or "_" (got ${JSON.stringify(name)}); Cerebras rejects dashes and dots`,
      });
    else if (names.has(name)) issues.push({ path: `${path}.function.name`, message: `duplicates the tool "${name}"` });
    else names.add(name);
    const parameters = tool.function?.parameters;
    if (
      parameters !== undefined &&
      (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters))
    )
      issues.push({ path: `${path}.function.parameters`, message: 'must be a JSON Schema object' });
  });
  if (toolChoice !== undefined) {
    if (tools === undefined || tools.length === 0)
      issues.push({ path: 'toolChoice', message: 'needs tools (the API rejects tool_choice without tools)' });
    else if (typeof toolChoice === 'object' && !names.has(toolChoice.function?.name))
      issues.push({
        path: 'toolChoice.function.name',
        message: `names no tool of this call (tools: ${[...names].join(', ')})`,
      });
    else if (typeof toolChoice === 'string' && !['none', 'auto', 'required'].includes(toolChoice))
      issues.push({ path: 'toolChoice', message: 'must be "none", "auto", "required" or { type: "function", … }' });
  }
  messages.forEach((message, index) => {
    if (message.role === 'tool' && (typeof message.toolCallId !== 'string' || message.toolCallId === ''))
      issues.push({
        path: `messages[${index}].toolCallId`,
        message: 'a tool message must quote the id of the call it answers',
      });
  });
  return issues;
}
