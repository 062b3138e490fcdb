import type { ChatMessage, ToolCall } from '@acpt/config';
import {
  type LanguageModelV4Prompt,
  type LanguageModelV4ToolResultOutput,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';

function unsupportedFile(role: string): never {
  throw new UnsupportedFunctionalityError({
    functionality: `file parts in ${role} messages`,
    message: 'acpt sends text chat completions to Cerebras; file and image parts are not supported',
  });
}

/** The text a tool result is sent as: text as it is, JSON encoded, a denial or error as its reason. */
export function toolOutputText(output: LanguageModelV4ToolResultOutput): string {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value);
    case 'execution-denied':
      return output.reason === undefined ? 'The tool execution was denied.' : `Denied: ${output.reason}`;
    case 'content':
      return output.value.map((part) => (part.type === 'text' ? part.text : '')).join('');
    default:
      return JSON.stringify(output);
  }
}

/**
 * The AI SDK's prompt as acpt chat messages: system, user text, assistant text with its tool calls (arguments
 * JSON-encoded), and one `tool` message per tool result quoting its call id. Reasoning parts of earlier turns are not
 * resent (Cerebras does not need them); tool-approval parts are left out.
 *
 * @throws {UnsupportedFunctionalityError} for file or image parts
 */
export function convertPrompt(prompt: LanguageModelV4Prompt): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        messages.push({ role: 'system', content: message.content });
        break;
      case 'user': {
        const texts: string[] = [];
        for (const part of message.content) {
          if (part.type === 'file') unsupportedFile('user');
          texts.push(part.text);
        }
        messages.push({ role: 'user', content: texts.join('\n') });
        break;
      }
      case 'assistant': {
        let text = '';
        const toolCalls: ToolCall[] = [];
        for (const part of message.content) {
          if (part.type === 'text') text += part.text;
          else if (part.type === 'tool-call')
            toolCalls.push({
              id: part.toolCallId,
              type: 'function',
              function: { name: part.toolName, arguments: JSON.stringify(part.input ?? {}) },
            });
          else if (part.type === 'file') unsupportedFile('assistant');
        }
        messages.push(
          toolCalls.length > 0
            ? { role: 'assistant', content: text === '' ? null : text, toolCalls }
            : { role: 'assistant', content: text },
        );
        break;
      }
      case 'tool':
        for (const part of message.content) {
          if (part.type !== 'tool-result') continue;
          messages.push({ role: 'tool', content: toolOutputText(part.output), toolCallId: part.toolCallId });
        }
        break;
    }
  }
  return messages;
}
