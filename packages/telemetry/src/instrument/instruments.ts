import type { Attributes, Meter } from '@opentelemetry/api';
import type { PreaggregatedStore } from '../preaggregation/preaggregated-store.ts';
import { ACPT_METRIC } from '../semconv/attributes.ts';
import { DURATION_BUCKETS_SECONDS, type SemconvNames } from '../semconv/semconv.ts';
import { talliedCounterFor } from './shared-meter-state.ts';
import type { CounterLike } from './tallied-counter.ts';

/** What the instrumentation needs of a histogram: the SDK's, or one aggregated in process. */
export interface HistogramLike {
  record(value: number, attributes: Attributes): void;
}

/** Every synchronous instrument, created once per instrumented adapter. */
export interface AdapterInstruments {
  /** Logical operation duration (s), once per logical call. */
  readonly operationDuration: HistogramLike;
  /** Time to the first chunk of a stream (s). */
  readonly timeToFirstChunk: HistogramLike;
  /** Time between later chunks of a stream (s). */
  readonly timePerOutputChunk: HistogramLike;
  /** One observation per attempt (s). */
  readonly attemptDuration: HistogramLike;
  /** Attempts, the first included. */
  readonly attempts: CounterLike;
  /** Attempts after the first, by `error.type` of the failure that caused them. */
  readonly retries: CounterLike;
  /** Switches to the fallback, by reason. */
  readonly fallbacks: CounterLike;
  /** Finished responses by finish reason. */
  readonly finishReasons: CounterLike;
  /** Latency budget breaches, by budget mode. */
  readonly budgetBreaches: CounterLike;
  /** 429 answers, by rate-limit kind. */
  readonly rateLimited: CounterLike;
  /** Circuit breaker transitions, by the state entered. */
  readonly circuitTransitions: CounterLike;
  /** USD billed by live calls at the model's price (the mock costs 0 and adds nothing). */
  readonly cost: CounterLike;
  /** Live calls whose model had no price (cost unknown, not 0). */
  readonly unpricedRequests: CounterLike;
  /** Live attempts the spend limit refused, by limit. */
  readonly spendRefusals: CounterLike;
}

/**
 * A histogram with advised bucket boundaries: aggregated in process in `store` when there is one (the meter provider's
 * readers carry its producers), else the SDK's own. Both export the same metric.
 */
export function histogramOf(
  meter: Meter,
  store: PreaggregatedStore | undefined,
  name: string,
  options: { readonly description: string; readonly unit: string; readonly boundaries: readonly number[] },
): HistogramLike {
  if (store !== undefined) return store.histogram(name, options);
  const { description, unit, boundaries } = options;
  return meter.createHistogram(name, { description, unit, advice: { explicitBucketBoundaries: [...boundaries] } });
}

/**
 * Creates the instruments: histograms with the conventions' advised bucket boundaries (no View needed), counters
 * tallied in process and shared by every instrumentation on the meter (see {@link TalliedCounter}). With a `store`
 * (the meter provider's readers carry its producers) the histograms are aggregated in process and handed to the SDK at
 * collection; without one they are the SDK's own. Either way they export the same metrics.
 */
export function createAdapterInstruments(
  meter: Meter,
  names: SemconvNames,
  store: PreaggregatedStore | undefined,
): AdapterInstruments {
  const seconds = (name: string, description: string): HistogramLike =>
    histogramOf(meter, store, name, { description, unit: 's', boundaries: DURATION_BUCKETS_SECONDS });
  const counter = (name: string, unit: string, description: string): CounterLike =>
    talliedCounterFor(meter, name, { description, unit });
  return {
    operationDuration: seconds(names.operationDuration, 'GenAI operation duration, retries included.'),
    timeToFirstChunk: seconds(names.timeToFirstChunk, 'Time from issuing a streamed request to its first chunk.'),
    timePerOutputChunk: seconds(
      names.timePerOutputChunk,
      'Time between consecutive chunks of a stream, after the first.',
    ),
    attemptDuration: seconds(
      ACPT_METRIC.attemptDuration,
      'Duration of one attempt (one HTTP call or one fallback call).',
    ),
    attempts: counter(ACPT_METRIC.attempts, '{attempt}', 'Attempts made.'),
    retries: counter(ACPT_METRIC.retries, '{retry}', 'Retries scheduled.'),
    fallbacks: counter(ACPT_METRIC.fallbacks, '{fallback}', 'Requests handed to the fallback.'),
    finishReasons: counter(ACPT_METRIC.finishReasons, '{response}', 'Responses by finish reason.'),
    budgetBreaches: counter(ACPT_METRIC.budgetBreaches, '{request}', 'Requests that exceeded their latency budget.'),
    rateLimited: counter(ACPT_METRIC.rateLimited, '{response}', '429 answers by rate-limit kind.'),
    circuitTransitions: counter(
      ACPT_METRIC.circuitTransitions,
      '{transition}',
      'Circuit breaker state changes, by the state entered.',
    ),
    cost: counter(ACPT_METRIC.cost, '{USD}', 'USD billed by live calls: billed tokens at the model price.'),
    unpricedRequests: counter(ACPT_METRIC.unpricedRequests, '{request}', 'Live calls whose model has no price.'),
    spendRefusals: counter(ACPT_METRIC.spendRefusals, '{attempt}', 'Live attempts refused by the spend limit.'),
  };
}
