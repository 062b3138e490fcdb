import type { ChatRequest, ToolDefinition } from '@acpt/config';
import type { RandomSource } from '../random/seeded-random.ts';

/** Most calls the mock makes in one turn when parallel calls are allowed. */
export const MAX_PARALLEL_TOOL_CALLS = 3;

/** Whether a request can lead to tool calls: it has tools and `tool_choice` is not `none`. */
export function offersTools(request: ChatRequest): boolean {
  return request.tools !== undefined && request.tools.length > 0 && request.toolChoice !== 'none';
}

/**
 * The tools the mock calls this turn under its rules, in the order `tools` lists them (empty: a text reply):
 * - no tools, or `tool_choice: "none"`: none;
 * - a named function: that one, once;
 * - `required`: at least one; `auto` (the default): the same, unless the last message is a `tool` result, which
 *   the model then answers in text;
 * - how many: one when `parallel_tool_calls` is `false`, else 1 to min(tools, 3) distinct tools, drawn from `random`.
 */
export function plannedTools(request: ChatRequest, random: RandomSource): ToolDefinition[] {
  const tools = request.tools ?? [];
  const choice = request.toolChoice ?? 'auto';
  if (tools.length === 0 || choice === 'none') return [];
  if (typeof choice === 'object')
    return tools.filter((tool) => tool.function.name === choice.function.name).slice(0, 1);
  if (choice === 'auto' && request.messages.at(-1)?.role === 'tool') return [];
  const most = request.parallelToolCalls === false ? 1 : Math.min(tools.length, MAX_PARALLEL_TOOL_CALLS);
  const count = 1 + Math.floor(random() * most);
  const order = tools.map((_, position) => position);
  for (let position = 0; position < count; position += 1) {
    const swap = position + Math.floor(random() * (order.length - position));
    [order[position], order[swap]] = [order[swap] as number, order[position] as number];
  }
  return order
    .slice(0, count)
    .sort((left, right) => left - right)
    .map((position) => tools[position] as ToolDefinition);
}
