import {
  type ChatRequest,
  type ChatStreamEvent,
  type StreamDeltaMode,
  TransportNetworkError,
  TruncatedStreamError,
} from '@acpt/config';
import { mapTransportFailure } from '../errors/map-transport-failure.ts';
import { buildChatBody } from '../wire/build-chat-body.ts';
import type { CallScope } from './call-scope.ts';
import { StreamingCall } from './streaming-call.ts';

/**
 * A stream's failure as the caller sees it: the abort reason, acpt errors (idle timeout, mid-stream error events,
 * truncation) as they are, a network error before the headers as such, and a connection cut after them as a
 * {@link TruncatedStreamError} that says whether content was already delivered.
 */
function streamFailure(call: StreamingCall, scope: CallScope, signal: AbortSignal | undefined): unknown {
  const mapped = mapTransportFailure(call.failure, scope.chat.failure, signal);
  if (!call.streaming || !TransportNetworkError.isInstance(mapped) || !mapped.retryable) return mapped;
  return new TruncatedStreamError({
    deliveredContent: call.deliveredContent,
    cause: mapped,
    message: `The stream was cut off before a chunk with finish_reason: ${mapped.message}`,
  });
}

/**
 * One streamed chat completion: `text-delta`, `reasoning-delta` and `tool-call-delta` events at the end of the read
 * that completed the SSE events carrying them — in `coalesced` mode one event per run of a kind in that read, in
 * `per-token` mode one per wire delta — then exactly one `finish` with the whole response (usage and `time_info` from the finishing chunk, time to
 * first token). Success is `data: [DONE]`, or the end of the body after a chunk with `finish_reason`; an end without
 * one is a {@link TruncatedStreamError}. Mid-stream error events become the typed error of their `status_code`.
 * Breaking out of the iteration, or aborting `signal`, cancels the request and closes its socket.
 */
export async function* streamChat(
  scope: CallScope,
  request: ChatRequest,
  signal: AbortSignal | undefined,
  deltas: StreamDeltaMode = 'coalesced',
): AsyncGenerator<ChatStreamEvent, void, undefined> {
  if (signal?.aborted) throw signal.reason;
  const { settings, chat } = scope;
  const call = new StreamingCall(scope, signal, deltas);
  try {
    scope.dispatcher.dispatch(
      {
        origin: settings.origin,
        path: chat.path,
        method: 'POST',
        headers: settings.streamHeaders,
        body: buildChatBody(request, settings, true),
      },
      call,
    );
  } catch (error) {
    call.cancel(error);
  }
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const event = call.next();
      if (event !== undefined) yield event;
      else if (call.failed) throw streamFailure(call, scope, signal);
      else if (call.complete) return;
      else await call.waitForMore();
    }
  } finally {
    call.release();
  }
}
