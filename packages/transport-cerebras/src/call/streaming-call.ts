import type { IncomingHttpHeaders } from 'node:http';
import { type ChatStreamEvent, type StreamDeltaMode, TruncatedStreamError } from '@acpt/config';
import { errorFromResponse } from '../errors/error-from-response.ts';
import { redactText } from '../errors/scrub-secret.ts';
import { createSseParser, type SseParser } from '../sse/sse-parser.ts';
import { type ChatStreamAccumulator, createChatStreamAccumulator } from '../stream/chat-stream-accumulator.ts';
import type { CallScope } from './call-scope.ts';
import { DeadlineHandler } from './deadline-handler.ts';

/** Events waiting for a slow consumer before reading pauses (and the idle deadline with it). */
const HIGH_WATER_EVENTS = 256;
/** Most error-body bytes kept. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * The dispatch handler of one chat stream. Each body read is parsed at once, in undici's data callback, and its deltas
 * are queued at the end of that read (coalesced into one event per run of a kind, unless `per-token`); the consumer drains the queue with {@link next} and sleeps in
 * {@link waitForMore}. A `[DONE]` completes the stream at once while the rest of the body drains in the background, so
 * the socket stays reusable. Failures are kept raw in {@link failure}; the caller maps them.
 */
export class StreamingCall extends DeadlineHandler {
  readonly #scope: CallScope;
  readonly #deltas: StreamDeltaMode;
  #accumulator: ChatStreamAccumulator | undefined;
  #parser: SseParser | undefined;
  #status = 0;
  #headers: IncomingHttpHeaders = {};
  #observedAtMs = 0;
  #errorChunks: Buffer[] | undefined;
  #errorBytes = 0;
  #head = 0;
  #paused = false;
  #wake: (() => void) | undefined;
  /** The raw failure, once the call failed. */
  failure: unknown;
  /** True once the call failed. */
  failed = false;
  /** True once the `finish` event is queued. */
  complete = false;

  constructor(scope: CallScope, signal: AbortSignal | undefined, deltas: StreamDeltaMode = 'coalesced') {
    super(scope.settings.timeouts, signal, performance.now());
    this.#scope = scope;
    this.#deltas = deltas;
  }

  /** True once response headers with a 2xx status arrived. */
  get streaming(): boolean {
    return this.#accumulator !== undefined;
  }

  /** True once a text or reasoning delta was queued. */
  get deliveredContent(): boolean {
    return this.#accumulator?.deliveredContent ?? false;
  }

  /** The next queued event, if any. */
  next(): ChatStreamEvent | undefined {
    const events = this.#accumulator?.events;
    if (events === undefined || this.#head >= events.length) return undefined;
    const event = events[this.#head++];
    if (this.#head === events.length) {
      events.length = 0;
      this.#head = 0;
      if (this.#paused) {
        this.#paused = false;
        this.resumeReading();
      }
    }
    return event;
  }

  /** Resolves when an event, the end or a failure arrives. */
  waitForMore(): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
    });
  }

  /** The consumer is gone: an unfinished stream is cancelled (its socket closed); a finished one drains. */
  release(): void {
    if (!this.complete && !this.failed) this.cancel(new Error('The stream consumer stopped reading'));
  }

  #notify(): void {
    const wake = this.#wake;
    if (wake !== undefined) {
      this.#wake = undefined;
      wake();
    }
  }

  #completeStream(accumulator: ChatStreamAccumulator): void {
    const response = accumulator.complete({
      headers: this.#headers,
      observedAtMs: this.#observedAtMs,
      latency: { totalMs: performance.now() - this.startedAt, headersMs: this.headersAt - this.startedAt },
    });
    accumulator.events.push({ type: 'finish', response });
    this.complete = true;
  }

  protected onStatus(statusCode: number, headers: IncomingHttpHeaders): void {
    this.#status = statusCode;
    this.#headers = headers;
    this.#observedAtMs = this.#scope.clock();
    if (statusCode > 299) {
      this.#errorChunks = [];
      return;
    }
    const secret = this.#scope.settings.apiKey.reveal();
    const accumulator = createChatStreamAccumulator(
      {
        url: this.#scope.chat.url,
        headers,
        clock: this.#scope.clock,
        startedAt: this.startedAt,
        redact: (text) => redactText(text, secret),
      },
      this.#deltas,
    );
    this.#accumulator = accumulator;
    this.#parser = createSseParser(accumulator.accept);
  }

  protected onBody(chunk: Buffer): void {
    const accumulator = this.#accumulator;
    if (accumulator === undefined || this.#parser === undefined) {
      if (this.#errorBytes < MAX_ERROR_BODY_BYTES) this.#errorChunks?.push(chunk);
      this.#errorBytes += chunk.length;
      return;
    }
    if (this.complete) return;
    this.#parser.push(chunk);
    accumulator.flush();
    if (accumulator.failure !== undefined) {
      this.cancel(accumulator.failure);
      return;
    }
    if (accumulator.done) this.#completeStream(accumulator);
    if (accumulator.events.length - this.#head > HIGH_WATER_EVENTS && !this.#paused) {
      this.#paused = true;
      this.pauseReading();
    }
    this.#notify();
  }

  protected onEnd(): void {
    const accumulator = this.#accumulator;
    if (accumulator === undefined || this.#parser === undefined) {
      this.onFailure(
        errorFromResponse({
          status: this.#status,
          headers: this.#headers,
          body: Buffer.concat(this.#errorChunks ?? []).toString('utf8'),
          url: this.#scope.chat.url,
          nowMs: this.#observedAtMs,
          secret: this.#scope.settings.apiKey.reveal(),
        }),
      );
      return;
    }
    if (!this.complete) {
      this.#parser.end();
      accumulator.flush();
      if (accumulator.failure !== undefined) {
        this.onFailure(accumulator.failure);
        return;
      }
      if (!accumulator.done && !accumulator.finished) {
        const billedUsage = accumulator.usage;
        this.onFailure(
          new TruncatedStreamError(
            billedUsage === undefined
              ? { deliveredContent: accumulator.deliveredContent }
              : { deliveredContent: accumulator.deliveredContent, billedUsage },
          ),
        );
        return;
      }
      this.#completeStream(accumulator);
    }
    this.#notify();
  }

  protected onFailure(error: unknown): void {
    if (this.complete || this.failed) return;
    this.failed = true;
    this.failure = error;
    this.#notify();
  }
}
