import type { AttemptErrorEvent, AttemptStartEvent } from '@acpt/config';
import type { Attributes, Context, Span } from '@opentelemetry/api';

/** What the instrumentation keeps per logical request, from `request-start` until `request-end`. */
export interface RequestState {
  /** The logical `chat {model}` span. */
  readonly span: Span;
  /** Whether the span records (is sampled); attributes and child spans are skipped otherwise. */
  readonly recording: boolean;
  /**
   * The context the logical span was started in, kept only when attempt spans may be made (recording, `attemptSpans`
   * not `none`); the attempt spans' parent context is derived from it when the first one is made.
   */
  readonly parentContext: Context | undefined;
  /** Context with the logical span, parent of the attempt spans: built on first use (most requests never need it). */
  context: Context | undefined;
  /** Requested model. */
  readonly model: string;
  /** Whether the caller asked for a stream. */
  readonly stream: boolean;
  /** Provider and server of the path chosen first. */
  readonly provider: string;
  readonly serverAddress: string | undefined;
  readonly serverPort: number | undefined;
  /** Metric attributes of the path chosen first (also the logical span's creation attributes). */
  readonly requestBase: Attributes;
  /** Metric attributes of the path serving the current attempt (updated at each `attempt-start`). */
  metricBase: Attributes;
  /** Attributes of the cost metric: the request base plus the chosen caller attributes (bounded). */
  readonly costBase: Attributes;
  /** The open attempt span, if any. */
  attemptSpan: Span | undefined;
  /** Attempts started so far (counted only while attempt spans are made). */
  attemptCount: number;
  /** `attemptSpans: 'retries'`: the first attempt, whose span is made only if a second attempt starts. */
  deferredStart: AttemptStartEvent | undefined;
  /** When the deferred first attempt ended, if it succeeded. */
  deferredEndMs: number | undefined;
  /** How the deferred first attempt failed, if it did. */
  deferredError: AttemptErrorEvent | undefined;
  /** The batch the request was dispatched in, if any. */
  batchId: string | undefined;
  /** Seconds to a stream's first chunk, once it arrived (for the content event; the span has it as an attribute). */
  timeToFirstChunk: number | undefined;
}
