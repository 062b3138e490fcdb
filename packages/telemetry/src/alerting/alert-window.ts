import type { AttemptErrorEvent, FirstTokenEvent, RequestEndEvent, RequestStartEvent } from '@acpt/config';
import { MOCK_PROVIDER } from '../semconv/attributes.ts';
import { DURATION_BUCKETS_SECONDS } from '../semconv/semconv.ts';
import type { AlertWindowCounts } from './alert-types.ts';
import { histogramQuantile } from './histogram-quantile.ts';
import { SlidingCounts } from './sliding-counts.ts';

/** The window's counters, one slot each in this order; the time-to-first-chunk histogram follows them. */
const COUNTERS = [
  'calls',
  'errors',
  'latencyCalls',
  'overBudget',
  'retries',
  'attempts',
  'rateLimited',
  'fallbacks',
] as const satisfies readonly (keyof AlertWindowCounts)[];
const SLOT = Object.fromEntries(COUNTERS.map((name, slot) => [name, slot])) as Record<
  (typeof COUNTERS)[number],
  number
>;
/** First slot of the time-to-first-chunk histogram: one slot per advised boundary, then the overflow bucket. */
const TTFT = COUNTERS.length;
const TTFT_BOUNDS = DURATION_BUCKETS_SECONDS;
const SLOTS = TTFT + TTFT_BOUNDS.length + 1;

/** Options of {@link AlertWindow}. */
export interface AlertWindowOptions {
  readonly windowMs: number;
  readonly buckets: number;
  readonly startMs: number;
  /** Count calls that started on the in-process mock for the latency alerts too. */
  readonly includeMockLatency: boolean;
}

/**
 * The sliding-window counts the in-process alerts read, fed by adapter events: logical calls, errors, over-budget
 * calls, retries, attempts, 429s, fallbacks, and a time-to-first-chunk histogram over the advised duration buckets.
 * Calls that start on the mock (mock mode) are left out of the latency counts, as the Prometheus rules leave out
 * `gen_ai_provider_name="acpt.mock"`; the only per-request state is the set of such calls in flight.
 */
export class AlertWindow {
  readonly #counts: SlidingCounts;
  readonly #includeMockLatency: boolean;
  readonly #onMock = new Set<string>();
  readonly #ttft = new Float64Array(TTFT_BOUNDS.length + 1);

  constructor(options: AlertWindowOptions) {
    this.#includeMockLatency = options.includeMockLatency;
    this.#counts = new SlidingCounts({
      slots: SLOTS,
      buckets: options.buckets,
      bucketMs: options.windowMs / options.buckets,
      startMs: options.startMs,
    });
  }

  requestStart(event: RequestStartEvent): void {
    if (!this.#includeMockLatency && event.provider === MOCK_PROVIDER) this.#onMock.add(event.requestId);
  }

  requestEnd(nowMs: number, event: RequestEndEvent): void {
    const counts = this.#counts;
    counts.add(nowMs, SLOT.calls);
    if (isError(event)) counts.add(nowMs, SLOT.errors);
    if (this.#onMock.delete(event.requestId)) return;
    counts.add(nowMs, SLOT.latencyCalls);
    if (event.budgetExceeded) counts.add(nowMs, SLOT.overBudget);
  }

  retryScheduled(nowMs: number): void {
    this.#counts.add(nowMs, SLOT.retries);
  }

  attemptStart(nowMs: number): void {
    this.#counts.add(nowMs, SLOT.attempts);
  }

  attemptError(nowMs: number, event: AttemptErrorEvent): void {
    if (event.error.status === 429) this.#counts.add(nowMs, SLOT.rateLimited);
  }

  fallbackStart(nowMs: number): void {
    this.#counts.add(nowMs, SLOT.fallbacks);
  }

  firstToken(nowMs: number, event: FirstTokenEvent): void {
    if (this.#onMock.has(event.requestId)) return;
    const seconds = event.timeToFirstTokenMs / 1000;
    let bucket = 0;
    while (bucket < TTFT_BOUNDS.length && seconds > (TTFT_BOUNDS[bucket] ?? Number.POSITIVE_INFINITY)) bucket++;
    this.#counts.add(nowMs, TTFT + bucket);
  }

  /** The window's counts at `nowMs`. */
  counts(nowMs: number): AlertWindowCounts {
    const counts = this.#counts;
    let firstChunks = 0;
    for (let bucket = 0; bucket <= TTFT_BOUNDS.length; bucket++) firstChunks += counts.total(nowMs, TTFT + bucket);
    // COUNTERS names every other field.
    const result = { firstChunks } as Record<keyof AlertWindowCounts, number>;
    for (const [slot, name] of COUNTERS.entries()) result[name] = counts.total(nowMs, slot);
    return result;
  }

  /** The `q` quantile of time to first chunk in the window, in seconds (`histogram_quantile` estimate). */
  firstChunkQuantile(nowMs: number, q: number): number | null {
    const histogram = this.#ttft;
    for (let bucket = 0; bucket <= TTFT_BOUNDS.length; bucket++) {
      histogram[bucket] = this.#counts.total(nowMs, TTFT + bucket);
    }
    return histogramQuantile(q, TTFT_BOUNDS, histogram);
  }

  /** Forgets the calls in flight. */
  clear(): void {
    this.#onMock.clear();
  }
}

/** As `acpt:llm_errors:rate5m` counts: the call ended with an `error.type`, and it is not a caller's cancel. */
function isError(event: RequestEndEvent): boolean {
  return event.error === undefined ? event.outcome === 'error' : event.error.type !== 'AbortError';
}
