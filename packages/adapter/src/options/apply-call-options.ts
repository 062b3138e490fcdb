import { type ChatRequest, InvalidRequestError } from '@acpt/config';
import type { GenerateOptions } from '../adapter-types.ts';
import type { CerebrasProviderOptions } from './provider-options.ts';
import { providerOptionsIssues } from './provider-options-issues.ts';
import { toolIssues } from './tool-issues.ts';

type MutableRequest = { -readonly [K in keyof ChatRequest]: ChatRequest[K] };

/** Copies the defined provider options onto the request (their names match `ChatRequest`'s). */
function copyProviderOptions(request: MutableRequest, options: CerebrasProviderOptions): void {
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined) (request as Record<string, unknown>)[name] = value;
  }
}

/**
 * Puts a call's tools, tool choice and provider options on its request and validates the result as Cerebras would:
 * every problem at once in one `InvalidRequestError`, before anything is sent.
 *
 * @throws {InvalidRequestError} naming each bad option and the fix
 */
export function applyCallOptions(
  base: ChatRequest,
  options: Pick<GenerateOptions, 'tools' | 'toolChoice' | 'providerOptions'>,
): ChatRequest {
  const request: MutableRequest = { ...base };
  if (options.tools !== undefined) request.tools = options.tools;
  if (options.toolChoice !== undefined) request.toolChoice = options.toolChoice;
  const issues = toolIssues(request.tools, request.toolChoice, request.messages);
  if (options.providerOptions !== undefined) {
    issues.push(...providerOptionsIssues(options.providerOptions));
    copyProviderOptions(request, options.providerOptions);
  } else if (request.extraBody !== undefined) {
    issues.push(...providerOptionsIssues({ extraBody: request.extraBody }, 'request'));
  }
  if (issues.length > 0) throw new InvalidRequestError(issues);
  return request;
}
