import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { type CallDeadlines, DeadlineHandler } from './deadline-handler.ts';

/** A whole response. */
export interface BufferedResponse {
  /** HTTP status. */
  readonly status: number;
  /** Lower-cased response headers. */
  readonly headers: IncomingHttpHeaders;
  /** Body text (UTF-8); for an error status at most the first 64 KiB. */
  readonly body: string;
  /** From the start of the call to the headers, in ms. */
  readonly headersMs: number;
  /** From the start of the call to the last byte, in ms. */
  readonly totalMs: number;
}

/** What one buffered call sends. */
export interface BufferedRequest {
  readonly origin: string;
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly deadlines: CallDeadlines;
  readonly signal: AbortSignal | undefined;
}

/** Most error-body bytes kept (errors keep 4 KiB of it). */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

class BufferedHandler extends DeadlineHandler {
  readonly #resolve: (response: BufferedResponse) => void;
  readonly #reject: (error: unknown) => void;
  #status = 0;
  #headers: IncomingHttpHeaders = {};
  #chunks: Buffer[] = [];
  #bytes = 0;

  constructor(request: BufferedRequest, resolve: (r: BufferedResponse) => void, reject: (e: unknown) => void) {
    super(request.deadlines, request.signal, performance.now());
    this.#resolve = resolve;
    this.#reject = reject;
  }

  protected onStatus(statusCode: number, headers: IncomingHttpHeaders): void {
    this.#status = statusCode;
    this.#headers = headers;
  }

  protected onBody(chunk: Buffer): void {
    if (this.#status > 299 && this.#bytes >= MAX_ERROR_BODY_BYTES) return;
    this.#bytes += chunk.length;
    this.#chunks.push(chunk);
  }

  protected onEnd(): void {
    const chunks = this.#chunks;
    const body =
      chunks.length === 1
        ? (chunks[0] as Buffer).toString('utf8')
        : Buffer.concat(chunks, this.#bytes).toString('utf8');
    this.#resolve({
      status: this.#status,
      headers: this.#headers,
      body,
      headersMs: this.headersAt - this.startedAt,
      totalMs: performance.now() - this.startedAt,
    });
  }

  protected onFailure(error: unknown): void {
    this.#reject(error);
  }
}

/**
 * Sends one request through `dispatcher` and reads the whole response into a string, under the call's headers and
 * idle deadlines and the caller's signal. Rejects with the raw failure (a `TimeoutError`, the abort reason, or
 * undici's error); the caller maps it.
 */
export function sendBuffered(dispatcher: Dispatcher, request: BufferedRequest): Promise<BufferedResponse> {
  return new Promise((resolve, reject) => {
    const handler = new BufferedHandler(request, resolve, reject);
    try {
      dispatcher.dispatch(
        {
          origin: request.origin,
          path: request.path,
          method: request.method,
          headers: request.headers,
          body: request.body,
        },
        handler,
      );
    } catch (error) {
      handler.cancel(error);
    }
  });
}
