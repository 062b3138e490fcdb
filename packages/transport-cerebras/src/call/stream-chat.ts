import { type ChatRequest, type ChatStreamEvent, TransportNetworkError, TruncatedStreamError } from '@acpt/config';
import type { Dispatcher } from 'undici';
import { mapTransportFailure } from '../errors/map-transport-failure.ts';
import { readErrorResponse } from '../errors/read-error-response.ts';
import { redactText } from '../errors/scrub-secret.ts';
import { createSseParser } from '../sse/sse-parser.ts';
import { type ChatStreamAccumulator, createChatStreamAccumulator } from '../stream/chat-stream-accumulator.ts';
import { buildChatBody } from '../wire/build-chat-body.ts';
import type { CallScope } from './call-scope.ts';

/** Bytes of a body still read after the stream ended, so its socket can be reused; more and it is closed. */
const DRAIN_LIMIT_BYTES = 64 * 1024;

function noop(): void {}

async function openStream(
  scope: CallScope,
  request: ChatRequest,
  signal: AbortSignal | undefined,
): Promise<Dispatcher.ResponseData> {
  const { settings, chat } = scope;
  try {
    return await scope.dispatcher.request({
      origin: settings.origin,
      path: chat.path,
      method: 'POST',
      headers: settings.streamHeaders,
      body: buildChatBody(request, settings, true),
      signal,
      headersTimeout: settings.timeouts.headersMs,
      bodyTimeout: settings.timeouts.idleMs,
    });
  } catch (error) {
    throw mapTransportFailure(error, chat.failure, signal);
  }
}

/** A failure while reading the body: the abort reason, an acpt error or idle timeout as is, a cut-off as truncation. */
function readFailure(
  error: unknown,
  scope: CallScope,
  signal: AbortSignal | undefined,
  accumulator: ChatStreamAccumulator,
): unknown {
  const mapped = mapTransportFailure(error, scope.chat.failure, signal);
  if (!TransportNetworkError.isInstance(mapped) || !mapped.retryable) return mapped;
  return new TruncatedStreamError({
    deliveredContent: accumulator.deliveredContent,
    cause: mapped,
    message: `The stream was cut off before a chunk with finish_reason: ${mapped.message}`,
  });
}

/**
 * One streamed chat completion: `text-delta` and `reasoning-delta` events the moment the SSE event carrying them is
 * complete, then exactly one `finish` with the whole response (usage and `time_info` from the finishing chunk, time to
 * first token). Success is `data: [DONE]`, or the end of the body after a chunk with `finish_reason`; an end without
 * one is a {@link TruncatedStreamError}. Mid-stream error events become the typed error of their `status_code`.
 * Breaking out of the iteration, or aborting `signal`, cancels the request and closes its socket.
 */
export async function* streamChat(
  scope: CallScope,
  request: ChatRequest,
  signal: AbortSignal | undefined,
): AsyncGenerator<ChatStreamEvent, void, undefined> {
  if (signal?.aborted) throw signal.reason;
  const { settings, chat } = scope;
  const startedAt = performance.now();
  const response = await openStream(scope, request, signal);
  const headersMs = performance.now() - startedAt;
  const observedAtMs = scope.clock();
  const { statusCode, headers, body } = response;
  const secret = settings.apiKey.reveal();
  if (statusCode < 200 || statusCode > 299) {
    const error = await readErrorResponse({
      status: statusCode,
      headers,
      body,
      url: chat.url,
      nowMs: observedAtMs,
      secret,
    });
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
  const accumulator = createChatStreamAccumulator({
    url: chat.url,
    headers,
    clock: scope.clock,
    startedAt,
    redact: (text) => redactText(text, secret),
  });
  const parser = createSseParser(accumulator.accept);
  const { events } = accumulator;
  let ended = false;
  let settled = false;
  try {
    try {
      for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>) {
        parser.push(chunk);
        if (events.length > 0) {
          for (const event of events) yield event;
          events.length = 0;
        }
        if (accumulator.failure !== undefined) throw accumulator.failure;
        if (accumulator.done) break;
      }
      if (!accumulator.done) {
        ended = true;
        parser.end();
      }
    } catch (error) {
      throw readFailure(error, scope, signal, accumulator);
    }
    if (accumulator.failure !== undefined) throw accumulator.failure;
    if (!accumulator.done && !accumulator.finished) {
      throw new TruncatedStreamError({ deliveredContent: accumulator.deliveredContent });
    }
    const finished = accumulator.complete({
      headers,
      observedAtMs,
      latency: { totalMs: performance.now() - startedAt, headersMs },
    });
    for (const event of events) yield event;
    events.length = 0;
    settled = true;
    yield { type: 'finish', response: finished };
  } finally {
    if (!ended) {
      if (settled) body.dump({ limit: DRAIN_LIMIT_BYTES }).catch(noop);
      else body.on('error', noop).destroy();
    }
  }
}
