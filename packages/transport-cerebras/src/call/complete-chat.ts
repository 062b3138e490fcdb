import type { ChatRequest, ChatResponse } from '@acpt/config';
import type { Dispatcher } from 'undici';
import { mapTransportFailure } from '../errors/map-transport-failure.ts';
import { readErrorResponse } from '../errors/read-error-response.ts';
import { buildChatBody } from '../wire/build-chat-body.ts';
import { mapChatCompletion } from '../wire/map-chat-response.ts';
import type { CallScope } from './call-scope.ts';

/**
 * One non-streaming chat completion: one attempt, with the connect, headers and idle deadlines of the configuration,
 * aborted at once (socket freed) by `signal`, which then rejects with `signal.reason` unchanged.
 */
export async function completeChat(
  scope: CallScope,
  request: ChatRequest,
  signal: AbortSignal | undefined,
): Promise<ChatResponse> {
  if (signal?.aborted) throw signal.reason;
  const { settings, chat } = scope;
  const start = performance.now();
  let response: Dispatcher.ResponseData;
  let body: string;
  try {
    response = await scope.dispatcher.request({
      origin: settings.origin,
      path: chat.path,
      method: 'POST',
      headers: settings.jsonHeaders,
      body: buildChatBody(request, settings, false),
      signal,
      headersTimeout: settings.timeouts.headersMs,
      bodyTimeout: settings.timeouts.idleMs,
    });
  } catch (error) {
    throw mapTransportFailure(error, chat.failure, signal);
  }
  const headersMs = performance.now() - start;
  const observedAtMs = scope.clock();
  const { statusCode, headers } = response;
  if (statusCode < 200 || statusCode > 299) {
    const error = await readErrorResponse({
      status: statusCode,
      headers,
      body: response.body,
      url: chat.url,
      nowMs: observedAtMs,
      secret: settings.apiKey.reveal(),
    });
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
  try {
    body = await response.body.text();
  } catch (error) {
    throw mapTransportFailure(error, chat.failure, signal);
  }
  return mapChatCompletion(body, {
    headers,
    observedAtMs,
    latency: { totalMs: performance.now() - start, headersMs },
  });
}
