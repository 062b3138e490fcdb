import type { ChatRequest } from '@acpt/config';
import { jsonResponse, type WireResponse } from '../wire/wire-response.ts';

/**
 * The 400 a request gets when its `tool_choice` cannot be honoured: set without any `tools`, or naming a function
 * that `tools` does not define (Cerebras' version 2 validation; OpenAI's message and flat body). `undefined` when
 * the choice is fine or absent.
 */
export function checkToolChoice(request: ChatRequest): WireResponse | undefined {
  const choice = request.toolChoice;
  if (choice === undefined) return undefined;
  const tools = request.tools ?? [];
  if (tools.length === 0)
    return invalidToolChoice(
      "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
    );
  if (typeof choice !== 'object' || tools.some((tool) => tool.function.name === choice.function.name)) return undefined;
  return invalidToolChoice(
    `Invalid value for 'tool_choice': no function named '${choice.function.name}' is specified in 'tools'.`,
  );
}

function invalidToolChoice(message: string): WireResponse {
  return jsonResponse(400, { message, type: 'invalid_request_error', param: 'tool_choice', code: 'wrong_api_format' });
}
