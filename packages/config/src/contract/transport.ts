import type { PriceCatalogue } from '../pricing/price-resolver.ts';
import type { ApiKeyStatus } from './api-key-provider.ts';
import type { ChatRequest } from './chat-request.ts';
import type { ChatResponse } from './chat-response.ts';
import type { ChatStreamEvent } from './chat-stream-event.ts';

/**
 * How a stream hands its deltas to the caller.
 * - `coalesced` (default): one iterator step carries every delta of a kind that arrived together (one network read):
 *   consecutive text pieces become one `text-delta`, reasoning pieces one `reasoning-delta`, fragments of one tool
 *   call one `tool-call-delta`. The first delta is never held back: a step ends with the read that brought it.
 * - `per-token`: one event per delta the server sent (one per SSE chunk and kind), as it was parsed.
 *
 * The concatenated text, reasoning and tool-call arguments, the order of kinds and the final response are the same
 * in both modes. `coalesced` allows merging; a transport whose deltas arrive one at a time (the in-process mock,
 * paced by its clock) delivers them one at a time in either mode.
 */
export type StreamDeltaMode = 'coalesced' | 'per-token';

/** Per-call options of a transport. */
export interface TransportCallOptions {
  /**
   * Aborts the call at once and frees its socket; the call rejects with the signal's reason. Stop watching it when
   * the call settles: a signal may be reused for later calls (the adapter pools reusable signals, see
   * `createReusableAbortController`; `watchAbort` / `unwatchAbort` watch one without a listener per call).
   */
  readonly signal?: AbortSignal;
  /** `stream()` only: how deltas are handed over ({@link StreamDeltaMode}). @defaultValue `'coalesced'` */
  readonly deltas?: StreamDeltaMode;
}

/**
 * What every transport implements: one chat completion, whole or streamed. A transport makes exactly one attempt:
 * retries, budgets and fallback belong to the adapter. Failures reject with the typed errors of `@acpt/config`.
 */
export interface Transport {
  /** Provider name for telemetry (`gen_ai.provider.name`): `cerebras`, `acpt.mock`, … */
  readonly provider: string;
  /** Host the transport talks to (`server.address`), if it talks to one. */
  readonly serverAddress?: string;
  /** Port the transport talks to (`server.port`), if it talks to one. */
  readonly serverPort?: number;
  /** The prices the endpoint serves, when it has a catalogue (the adapter's price resolver reads it). */
  readonly priceCatalogue?: PriceCatalogue;
  /** One non-streaming completion. */
  complete(request: ChatRequest, options?: TransportCallOptions): Promise<ChatResponse>;
  /**
   * One streamed completion: `text-delta`, `reasoning-delta` and `tool-call-delta` events as they arrive,
   * `tool-call` events for finished calls, then exactly one `finish`.
   * Breaking out of the iteration cancels the request.
   */
  stream(request: ChatRequest, options?: TransportCallOptions): AsyncIterable<ChatStreamEvent>;
  /** Ends every socket and timer the transport holds. Idempotent. */
  close(): Promise<void>;
  /** Where the transport's key comes from and how it is kept fresh, if it sends one (never the key itself). */
  keyStatus?(): ApiKeyStatus;
}
