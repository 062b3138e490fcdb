import type { BatchFlushEvent } from '@acpt/config';
import { type Link, ROOT_CONTEXT, type Span, SpanKind, type Tracer } from '@opentelemetry/api';
import { ATTR } from '../semconv/attributes.ts';

interface OpenBatch {
  readonly span: Span;
  pending: number;
}

/**
 * One INTERNAL `acpt.batch {model}` span per dispatched batch, in a trace of its own with a span link to every
 * member's `chat` span (the fan-in pattern). It ends when its last known member settles.
 */
export class BatchSpans {
  readonly #tracer: Tracer;
  readonly #open = new Map<string, OpenBatch>();

  constructor(tracer: Tracer) {
    this.#tracer = tracer;
  }

  /**
   * Starts the batch span.
   *
   * @param memberSpans - the `chat` spans of the members still in flight
   */
  start(event: BatchFlushEvent, memberSpans: readonly Span[]): void {
    const links: Link[] = memberSpans.map((span) => ({ context: span.spanContext() }));
    const span = this.#tracer.startSpan(
      `acpt.batch ${event.model}`,
      {
        kind: SpanKind.INTERNAL,
        startTime: event.timestampMs,
        links,
        attributes: {
          [ATTR.requestModel]: event.model,
          [ATTR.batchId]: event.batchId,
          [ATTR.batchKind]: event.kind,
          [ATTR.batchSize]: batchSize(event),
          [ATTR.batchWaitMs]: event.waitMs,
        },
      },
      ROOT_CONTEXT,
    );
    if (memberSpans.length === 0) {
      span.end(event.timestampMs);
      return;
    }
    this.#open.set(event.batchId, { span, pending: memberSpans.length });
  }

  /** A member settled; ends the batch span with the last one. */
  memberEnded(batchId: string, timestampMs: number): void {
    const batch = this.#open.get(batchId);
    if (batch === undefined) return;
    batch.pending -= 1;
    if (batch.pending > 0) return;
    batch.span.end(timestampMs);
    this.#open.delete(batchId);
  }

  /** Ends every open batch span (on detach). */
  endAll(): void {
    for (const batch of this.#open.values()) batch.span.end();
    this.#open.clear();
  }

  /** Batches still open. */
  get size(): number {
    return this.#open.size;
  }
}

/** `acpt.batch.size`: the items a templated call carries, else the requests dispatched together. */
export function batchSize(event: BatchFlushEvent): number {
  return event.itemCount ?? event.requestIds.length;
}
