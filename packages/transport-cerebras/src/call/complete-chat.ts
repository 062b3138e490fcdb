import type { ChatRequest, ChatResponse } from '@acpt/config';
import { errorFromResponse } from '../errors/error-from-response.ts';
import { mapTransportFailure } from '../errors/map-transport-failure.ts';
import { buildChatBody } from '../wire/build-chat-body.ts';
import { mapChatCompletion } from '../wire/map-chat-response.ts';
import { type BufferedResponse, sendBuffered } from './buffered-call.ts';
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
  let response: BufferedResponse;
  try {
    response = await sendBuffered(scope.dispatcher, {
      origin: settings.origin,
      path: chat.path,
      method: 'POST',
      headers: settings.jsonHeaders,
      body: buildChatBody(request, settings, false),
      deadlines: settings.timeouts,
      signal,
    });
  } catch (error) {
    throw mapTransportFailure(error, chat.failure, signal);
  }
  const { status, headers, body } = response;
  const observedAtMs = scope.clock();
  if (status < 200 || status > 299) {
    throw errorFromResponse({
      status,
      headers,
      body,
      url: chat.url,
      nowMs: observedAtMs,
      secret: settings.apiKey.reveal(),
    });
  }
  return mapChatCompletion(body, {
    headers,
    observedAtMs,
    latency: { totalMs: response.totalMs, headersMs: response.headersMs },
  });
}
