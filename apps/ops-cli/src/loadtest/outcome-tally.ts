import { AcptError, isAbortError, RetryExhaustedError } from '@acpt/config';
import { LatencyHistogram, type LatencySummary } from './latency-histogram.ts';
import type { Settlement } from './load-driver.ts';

/** An error is typed when it is an acpt error (any copy of `@acpt/config`) or an abort. */
export function isTypedError(error: unknown): boolean {
  return AcptError.isInstance(error) || isAbortError(error);
}

/**
 * The key an error is tallied under: its acpt code (with the stop reason for `ACPT_RETRIES_EXHAUSTED`, e.g.
 * `ACPT_RETRIES_EXHAUSTED (stream-already-delivered)`), `AbortError`, or `untyped:<name>`.
 */
export function errorKey(error: unknown): string {
  if (RetryExhaustedError.isInstance(error)) return `${error.code} (${error.reason})`;
  if (AcptError.isInstance(error)) return error.code;
  if (isAbortError(error)) return 'AbortError';
  return `untyped:${error instanceof Error ? error.name : typeof error}`;
}

const maxSamples = 5;

/** Tallies settlements: latency per outcome, rejections by code, a few untyped samples. Fixed memory. */
export class OutcomeTally {
  readonly #all = new LatencyHistogram();
  readonly #succeeded = new LatencyHistogram();
  readonly #fellBack = new LatencyHistogram();
  readonly #failed = new LatencyHistogram();
  readonly #errors = new Map<string, number>();
  readonly #untypedSamples: string[] = [];

  /** Records one settlement (the load driver's `onSettle`). */
  record(settlement: Settlement): void {
    this.#all.record(settlement.latencyMs);
    if (settlement.status === 'resolved') {
      (settlement.kind === 'succeeded' ? this.#succeeded : this.#fellBack).record(settlement.latencyMs);
      return;
    }
    this.#failed.record(settlement.latencyMs);
    const key = errorKey(settlement.error);
    this.#errors.set(key, (this.#errors.get(key) ?? 0) + 1);
    if (!settlement.typed && this.#untypedSamples.length < maxSamples) {
      const error = settlement.error;
      this.#untypedSamples.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }

  /** Latency summaries by outcome. */
  latency(): { all: LatencySummary; succeeded: LatencySummary; fellBack: LatencySummary; failed: LatencySummary } {
    return {
      all: this.#all.summary(),
      succeeded: this.#succeeded.summary(),
      fellBack: this.#fellBack.summary(),
      failed: this.#failed.summary(),
    };
  }

  /** Rejections by key, most frequent first. */
  errorsByCode(): Record<string, number> {
    return Object.fromEntries([...this.#errors].sort((a, b) => b[1] - a[1]));
  }

  /** Up to five untyped errors as `Name: message`. */
  untypedSamples(): string[] {
    return [...this.#untypedSamples];
  }
}
