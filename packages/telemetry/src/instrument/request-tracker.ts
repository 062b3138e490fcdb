import type {
  AttemptEndEvent,
  AttemptErrorEvent,
  AttemptStartEvent,
  BatchFlushEvent,
  BudgetExceededEvent,
  FallbackStartEvent,
  FirstTokenEvent,
  RequestEndEvent,
  RequestStartEvent,
  RetryScheduledEvent,
  SpendLimitEvent,
  StreamChunkEvent,
} from '@acpt/config';
import { context, type Span, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { ATTR, MOCK_PROVIDER, OPERATION_CHAT, SPAN_EVENT } from '../semconv/attributes.ts';
import { AttemptSpans, failAttemptSpan, setSingleAttemptFailure, statusMessage } from './attempt-spans.ts';
import { type BatchSpans, batchSize } from './batch-spans.ts';
import type { ContentRecorder } from './content-recorder.ts';
import type { CostAttributes } from './cost-attributes.ts';
import { endErrorType } from './end-error-type.ts';
import type { ExceptionEvents } from './exception-events.ts';
import type { InstrumentationSettings } from './instrumentation-settings.ts';
import type { AdapterInstruments } from './instruments.ts';
import type { MetricAttributeCache } from './metric-attributes.ts';
import type { RequestState } from './request-state.ts';
import { setRequestDetailAttributes, setRequestEndAttributes } from './span-attributes.ts';
import type { TokenRecorder } from './token-recorder.ts';

/** Parts a {@link RequestTracker} works with. */
export interface RequestTrackerParts {
  readonly tracer: Tracer;
  readonly instruments: AdapterInstruments;
  readonly tokens: TokenRecorder;
  readonly attributes: MetricAttributeCache;
  /** The caller attributes copied onto the cost metric. */
  readonly costAttributes: CostAttributes;
  readonly batches: BatchSpans;
  readonly settings: InstrumentationSettings;
  /** Content capture and the upload hook; `undefined` in the default `none` mode without a hook. */
  readonly content: ContentRecorder | undefined;
  /** `gen_ai.client.operation.exception` for failed calls; `undefined` without a logger provider or when turned off. */
  readonly exceptions: ExceptionEvents | undefined;
}

/**
 * Turns the per-request adapter events into the logical span, its attempt children and the per-call metrics. State
 * lives in a Map keyed by request id and is always removed at `request-end`, so memory stays flat. Events of
 * requests it never saw start (attached mid-flight) are ignored.
 */
export class RequestTracker {
  readonly #parts: RequestTrackerParts;
  readonly #requests = new Map<string, RequestState>();
  /** `undefined` with `attemptSpans: 'none'`. */
  readonly #attemptSpans: AttemptSpans | undefined;

  constructor(parts: RequestTrackerParts) {
    this.#parts = parts;
    const mode = parts.settings.attemptSpans;
    const captureMessages = parts.settings.captureContent === 'span';
    this.#attemptSpans = mode === 'none' ? undefined : new AttemptSpans(parts.tracer, mode, captureMessages);
  }

  #lastModel: string | undefined;
  #lastSpanName = '';

  /** `chat {model}`, built once per model in a row (one adapter asks for the same model on every request). */
  #spanName(model: string): string {
    if (model !== this.#lastModel) {
      this.#lastModel = model;
      this.#lastSpanName = `${OPERATION_CHAT} ${model}`;
    }
    return this.#lastSpanName;
  }

  /** Requests in flight. */
  get size(): number {
    return this.#requests.size;
  }

  /**
   * Starts the logical span (CLIENT, or INTERNAL on the in-process mock) with the sampling attributes (the shared,
   * frozen metric base), then sets the others on a recording span only: the SDK validates creation attributes twice
   * (before and after sampling) but `setAttribute` once, so passing everything at creation would cost more.
   */
  requestStart(event: RequestStartEvent): void {
    const { tracer, attributes, settings, content } = this.#parts;
    const base = attributes.base(event.provider, event.model, event.serverAddress, event.serverPort);
    const kind = event.provider === MOCK_PROVIDER ? SpanKind.INTERNAL : SpanKind.CLIENT;
    const parent = context.active();
    const span = tracer.startSpan(
      this.#spanName(event.model),
      { kind, startTime: event.timestampMs, attributes: base },
      parent,
    );
    const recording = span.isRecording();
    if (recording) setRequestDetailAttributes(span, event, settings);
    this.#requests.set(event.requestId, {
      span,
      recording,
      parentContext: recording && this.#attemptSpans !== undefined ? parent : undefined,
      context: undefined,
      model: event.model,
      stream: event.stream,
      provider: event.provider,
      serverAddress: event.serverAddress,
      serverPort: event.serverPort,
      requestBase: base,
      metricBase: base,
      costBase: this.#parts.costAttributes.of(base, event.attributes),
      attemptSpan: undefined,
      attemptCount: 0,
      deferredStart: undefined,
      deferredEndMs: undefined,
      deferredError: undefined,
      batchId: undefined,
      timeToFirstChunk: undefined,
    });
    if (content !== undefined) content.requestStart(event);
  }

  /** Counts the attempt and starts its child span; later metrics carry the provider serving it. */
  attemptStart(event: AttemptStartEvent): void {
    const state = this.#requests.get(event.requestId);
    if (state === undefined) return;
    // The path chosen first has the request's own base; only another path (the fallback) needs a lookup.
    state.metricBase =
      event.role === 'live' && event.provider === state.provider
        ? state.requestBase
        : this.#parts.attributes.base(event.provider, state.model, undefined, undefined);
    this.#parts.instruments.attempts.add(1, state.metricBase);
    if (state.parentContext === undefined || this.#attemptSpans === undefined) return;
    state.attemptSpan?.end(event.timestampMs);
    state.attemptSpan = this.#attemptSpans.begin(state, event);
  }

  /** Records the attempt's duration and ends its span. */
  attemptEnd(event: AttemptEndEvent): void {
    const state = this.#requests.get(event.requestId);
    if (state === undefined) return;
    this.#parts.instruments.attemptDuration.record(event.durationMs / 1000, state.metricBase);
    if (state.attemptSpan === undefined) {
      if (state.deferredStart !== undefined) state.deferredEndMs = event.timestampMs;
      return;
    }
    state.attemptSpan.end(event.timestampMs);
    state.attemptSpan = undefined;
  }

  /** Records the failed attempt (and a 429 by kind) and ends its span as an error. */
  attemptError(event: AttemptErrorEvent): void {
    const state = this.#requests.get(event.requestId);
    if (state === undefined) return;
    const { instruments, attributes, settings } = this.#parts;
    const error = event.error;
    const failed = attributes.with2(state.metricBase, ATTR.errorType, error.type, ATTR.httpStatusCode, error.status);
    instruments.attemptDuration.record(event.durationMs / 1000, failed);
    if (error.status === 429) {
      instruments.rateLimited.add(
        1,
        attributes.with(state.metricBase, ATTR.rateLimitKind, error.rateLimitKind ?? 'unknown'),
      );
    }
    if (state.attemptSpan === undefined) {
      if (state.deferredStart !== undefined) state.deferredError = event;
      return;
    }
    failAttemptSpan(state.attemptSpan, event, settings.captureContent === 'span');
    state.attemptSpan = undefined;
  }

  /** Counts the retry by reason and adds an `acpt.retry.backoff` event to the logical span. */
  retryScheduled(event: RetryScheduledEvent): void {
    const state = this.#requests.get(event.requestId);
    if (state === undefined) return;
    this.#parts.instruments.retries.add(1, this.#parts.attributes.with(state.metricBase, ATTR.errorType, event.reason));
    if (!state.recording) return;
    state.span.addEvent(
      SPAN_EVENT.retryBackoff,
      {
        [ATTR.retryDelayMs]: event.delayMs,
        [ATTR.retryReason]: event.reason,
        [ATTR.retryDelaySource]: event.delaySource,
        [ATTR.httpResendCount]: event.nextAttempt - 1,
      },
      event.timestampMs,
    );
  }

  /** Records the time to the first chunk. */
  firstToken(event: FirstTokenEvent): void {
    const state = this.#requests.get(event.requestId);
    if (state === undefined) return;
    const seconds = event.timeToFirstTokenMs / 1000;
    state.timeToFirstChunk = seconds;
    this.#parts.instruments.timeToFirstChunk.record(seconds, state.metricBase);
    if (!state.recording) return;
    state.span.setAttribute(ATTR.responseTimeToFirstChunk, seconds);
    state.span.addEvent(SPAN_EVENT.firstChunk, event.timestampMs);
  }

  /** Records the time since the previous chunk. */
  streamChunk(event: StreamChunkEvent): void {
    const state = this.#requests.get(event.requestId);
    if (state === undefined) return;
    this.#parts.instruments.timePerOutputChunk.record(event.sincePreviousMs / 1000, state.metricBase);
  }

  /** Counts the fallback by reason and marks the logical span. */
  fallbackStart(event: FallbackStartEvent): void {
    const state = this.#requests.get(event.requestId);
    if (state === undefined) return;
    const attributes = this.#parts.attributes.with(state.metricBase, ATTR.fallbackReason, event.reason);
    this.#parts.instruments.fallbacks.add(1, attributes);
    if (!state.recording) return;
    state.span.setAttributes({ [ATTR.fallback]: true, [ATTR.fallbackReason]: event.reason });
    state.span.addEvent(SPAN_EVENT.fallbackStart, { [ATTR.fallbackReason]: event.reason }, event.timestampMs);
  }

  /** Counts the budget breach by mode and marks the logical span. */
  budgetExceeded(event: BudgetExceededEvent): void {
    const state = this.#requests.get(event.requestId);
    if (state === undefined) return;
    const attributes = this.#parts.attributes.with(state.metricBase, ATTR.budgetMode, event.mode);
    this.#parts.instruments.budgetBreaches.add(1, attributes);
    if (!state.recording) return;
    state.span.setAttributes({ [ATTR.budgetExceeded]: true, [ATTR.budgetElapsedMs]: event.elapsedMs });
    state.span.addEvent(SPAN_EVENT.budgetExceeded, { [ATTR.budgetMode]: event.mode }, event.timestampMs);
  }

  /** Counts a spend-limit refusal by limit. */
  spendLimit(event: SpendLimitEvent): void {
    const state = this.#requests.get(event.requestId);
    if (state === undefined) return;
    const attributes = this.#parts.attributes.with(state.requestBase, ATTR.spendLimit, event.refusal.limit);
    this.#parts.instruments.spendRefusals.add(1, attributes);
  }

  /** Tags the members with the batch and starts the batch span linked to them. */
  batchFlush(event: BatchFlushEvent): void {
    const members: Span[] = [];
    for (const requestId of event.requestIds) {
      const state = this.#requests.get(requestId);
      if (state === undefined) continue;
      state.batchId = event.batchId;
      members.push(state.span);
      if (state.recording) {
        state.span.setAttributes({ [ATTR.batchId]: event.batchId, [ATTR.batchSize]: batchSize(event) });
      }
    }
    this.#parts.batches.start(event, members);
  }

  /** Records duration, tokens and finish reason once, completes and ends the spans, and forgets the request. */
  requestEnd(event: RequestEndEvent): void {
    const state = this.#requests.get(event.requestId);
    if (state === undefined) return;
    this.#requests.delete(event.requestId);
    const { instruments, attributes, tokens, settings, content, exceptions } = this.#parts;
    const errorType = endErrorType(event);
    const base = state.metricBase;
    instruments.operationDuration.record(
      event.durationMs / 1000,
      errorType === undefined ? base : attributes.with(base, ATTR.errorType, errorType),
    );
    tokens.record(event.usage ?? event.response?.usage, base);
    if (event.response !== undefined) {
      instruments.finishReasons.add(1, attributes.with(base, ATTR.finishReason, event.response.finishReason));
    }
    const cost = event.cost;
    if (cost !== undefined) {
      if (cost.usd === null) instruments.unpricedRequests.add(1, base);
      else if (cost.usd > 0) instruments.cost.add(cost.usd, state.costBase);
    }
    state.attemptSpan?.end(event.timestampMs);
    if (state.recording) {
      setRequestEndAttributes(state.span, event, { stream: state.stream, errorType });
      setSingleAttemptFailure(state.span, state);
      if (cost !== undefined) {
        if (cost.usd !== null) state.span.setAttribute(ATTR.costUsd, cost.usd);
        state.span.setAttribute(ATTR.costSource, cost.source);
      }
      if (event.outcome === 'error') {
        const withMessage = settings.captureContent === 'span';
        const message = event.error === undefined ? '_OTHER' : statusMessage(event.error, withMessage);
        state.span.setStatus({ code: SpanStatusCode.ERROR, message });
      }
    }
    if (content !== undefined) content.requestEnd(event, state, errorType);
    if (exceptions !== undefined) exceptions.requestEnd(event, state, errorType);
    state.span.end(event.timestampMs);
    if (state.batchId !== undefined) this.#parts.batches.memberEnded(state.batchId, event.timestampMs);
  }

  /** Ends every span still open (on detach) and forgets every request. */
  endAll(): void {
    for (const state of this.#requests.values()) {
      state.attemptSpan?.end();
      state.span.end();
    }
    this.#requests.clear();
    this.#parts.content?.clear();
  }
}
