import type { AttemptErrorEvent, AttemptStartEvent, EventError } from '@acpt/config';
import { type Attributes, context, type Span, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import { ATTR, OPERATION_CHAT } from '../semconv/attributes.ts';
import type { AttemptSpanMode } from './attempt-span-mode.ts';
import type { RequestState } from './request-state.ts';

interface FirstLiveAttributes {
  readonly provider: string;
  readonly address: string | undefined;
  readonly port: number | undefined;
  readonly attributes: Attributes;
}

/**
 * Starts the child span of each attempt: a CLIENT `POST` span (Stable HTTP conventions, `http.request.resend_count`
 * from the second attempt on) for the live path, or an INTERNAL `chat {model}` span for the in-process mock.
 *
 * The creation attributes of the common case, a first live attempt outside a batch (provider, method, server), are
 * built once and reused, frozen, while the provider and server stay the same (with one adapter: every request). The
 * SDK copies creation attributes, so sharing one object is safe. They are all sampling-relevant, so they stay at
 * creation even though the SDK validates creation attributes twice (before and after sampling).
 */
export class AttemptSpans {
  readonly #tracer: Tracer;
  readonly #deferFirst: boolean;
  readonly #captureMessages: boolean;
  #firstLive: FirstLiveAttributes | undefined;

  /**
   * @param mode - `all` starts every attempt's span at once; `retries` defers the first attempt's span until a second
   * attempt starts (it is then made with the first attempt's own start and end times), and drops it otherwise
   * @param captureMessages - whether failed attempts' status descriptions may carry the error message
   */
  constructor(tracer: Tracer, mode: Exclude<AttemptSpanMode, 'none'>, captureMessages: boolean) {
    this.#tracer = tracer;
    this.#deferFirst = mode === 'retries';
    this.#captureMessages = captureMessages;
  }

  /**
   * Called at each `attempt-start` of a recording request: the attempt's span, or `undefined` while the first attempt
   * is deferred. At the second attempt the deferred first one gets its span, ended (or failed) as it ended.
   */
  begin(state: RequestState, event: AttemptStartEvent): Span | undefined {
    state.attemptCount += 1;
    if (!this.#deferFirst) return this.start(state, event);
    if (state.attemptCount === 1) {
      state.deferredStart = event;
      return undefined;
    }
    const first = state.deferredStart;
    if (first !== undefined) {
      state.deferredStart = undefined;
      const span = this.start(state, first);
      const error = state.deferredError;
      if (error !== undefined) failAttemptSpan(span, error, this.#captureMessages);
      else span.end(state.deferredEndMs ?? event.timestampMs);
    }
    return this.start(state, event);
  }

  /** Starts the attempt's span as a child of the logical span (`state.context`, built here on first use). */
  start(state: RequestState, event: AttemptStartEvent): Span {
    state.context ??= trace.setSpan(state.parentContext ?? context.active(), state.span);
    if (event.role === 'mock') {
      const attributes: Attributes = { [ATTR.providerName]: event.provider };
      if (event.batchId !== undefined) attributes[ATTR.batchId] = event.batchId;
      attributes[ATTR.operationName] = OPERATION_CHAT;
      attributes[ATTR.requestModel] = state.model;
      return this.#tracer.startSpan(
        `${OPERATION_CHAT} ${state.model}`,
        { kind: SpanKind.INTERNAL, startTime: event.timestampMs, attributes },
        state.context,
      );
    }
    const remote = event.provider === state.provider && state.serverAddress !== undefined;
    const address = remote ? state.serverAddress : undefined;
    const port = remote ? state.serverPort : undefined;
    const attributes =
      event.batchId === undefined && event.attempt <= 1
        ? this.#firstLiveAttributes(event.provider, address, port)
        : liveAttributes(event, address, port);
    const options = { kind: SpanKind.CLIENT, startTime: event.timestampMs, attributes };
    return this.#tracer.startSpan('POST', options, state.context);
  }

  #firstLiveAttributes(provider: string, address: string | undefined, port: number | undefined): Attributes {
    const last = this.#firstLive;
    if (last !== undefined && last.provider === provider && last.address === address && last.port === port) {
      return last.attributes;
    }
    const attributes: Attributes = { [ATTR.providerName]: provider, [ATTR.httpRequestMethod]: 'POST' };
    if (address !== undefined) {
      attributes[ATTR.serverAddress] = address;
      if (port !== undefined) attributes[ATTR.serverPort] = port;
    }
    this.#firstLive = { provider, address, port, attributes: Object.freeze(attributes) };
    return attributes;
  }
}

function liveAttributes(event: AttemptStartEvent, address: string | undefined, port: number | undefined): Attributes {
  const attributes: Attributes = { [ATTR.providerName]: event.provider };
  if (event.batchId !== undefined) attributes[ATTR.batchId] = event.batchId;
  attributes[ATTR.httpRequestMethod] = 'POST';
  if (address !== undefined) {
    attributes[ATTR.serverAddress] = address;
    if (port !== undefined) attributes[ATTR.serverPort] = port;
  }
  if (event.attempt > 1) attributes[ATTR.httpResendCount] = event.attempt - 1;
  return attributes;
}

/**
 * `attemptSpans: 'retries'` and a request that ended after a single failed attempt: the logical span, which stands
 * for that attempt, gets the attempt span's HTTP status and 429 kind (it already has `error.type` and the code).
 */
export function setSingleAttemptFailure(span: Span, state: RequestState): void {
  const error = state.deferredError?.error;
  if (state.deferredStart === undefined || error === undefined) return;
  if (error.status !== undefined) span.setAttribute(ATTR.httpStatusCode, error.status);
  if (error.rateLimitKind !== undefined) span.setAttribute(ATTR.rateLimitKind, error.rateLimitKind);
}

/** Ends an attempt span as failed: `error.type`, the HTTP status and 429 kind when known, status ERROR. */
export function failAttemptSpan(span: Span, event: AttemptErrorEvent, captureMessages: boolean): void {
  const error = event.error;
  span.setAttribute(ATTR.errorType, error.type);
  if (error.status !== undefined) span.setAttribute(ATTR.httpStatusCode, error.status);
  if (error.code !== undefined) span.setAttribute(ATTR.errorCode, error.code);
  if (error.rateLimitKind !== undefined) span.setAttribute(ATTR.rateLimitKind, error.rateLimitKind);
  span.setStatus({ code: SpanStatusCode.ERROR, message: statusMessage(error, captureMessages) });
  span.end(event.timestampMs);
}

/**
 * The span status description of an error. Error messages may quote a server's answer, so the full message is used
 * only when content capture is opted in; otherwise the stable code (or `error.type`).
 */
export function statusMessage(error: EventError, captureMessages: boolean): string {
  return captureMessages ? error.message : (error.code ?? error.type);
}
