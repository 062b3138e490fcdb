import type { Usage } from '@acpt/config';
import type { Attributes, Meter } from '@opentelemetry/api';
import type { PreaggregatedStore } from '../preaggregation/preaggregated-store.ts';
import { ATTR } from '../semconv/attributes.ts';
import { type SemconvNames, TOKEN_BUCKETS } from '../semconv/semconv.ts';
import { type HistogramLike, histogramOf } from './instruments.ts';
import type { MetricAttributeCache } from './metric-attributes.ts';
import type { CounterLike } from './tallied-counter.ts';

/** Records token usage once per logical call, in the shape of the selected naming mode. */
export interface TokenRecorder {
  /** `usage` is `undefined` when the call billed nothing or reported no usage. */
  record(usage: Usage | undefined, base: Attributes): void;
}

/**
 * Creates the token instruments of the naming mode and the recorder that feeds them: the SDK's own, or aggregated in
 * process in `store` when the meter provider's readers carry its producers (exported the same way).
 */
export function createTokenRecorder(
  meter: Meter,
  names: SemconvNames,
  cache: MetricAttributeCache,
  store: PreaggregatedStore | undefined,
): TokenRecorder {
  const tokenHistogram = (name: string, description: string): HistogramLike =>
    histogramOf(meter, store, name, { description, unit: '{token}', boundaries: TOKEN_BUCKETS });
  if (names.tokenUsageHistogram !== undefined) {
    const histogram = tokenHistogram(names.tokenUsageHistogram, 'Tokens used per operation, by token type.');
    return { record: (usage, base) => recordLegacy(histogram, cache, usage, base) };
  }
  const counterNames = names.tokenCounters;
  const histogramNames = names.tokenHistograms;
  if (counterNames === undefined || histogramNames === undefined) {
    throw new Error(`semconv table ${names.mode} names no token instruments`);
  }
  const counter = (name: string): CounterLike =>
    store === undefined
      ? meter.createCounter(name, { description: 'Tokens used.', unit: '{token}' })
      : store.counter(name, { description: 'Tokens used.', unit: '{token}' });
  const histogram = (name: string): HistogramLike => tokenHistogram(name, 'Tokens per operation.');
  const latest: LatestInstruments = {
    input: counter(counterNames.input),
    output: counter(counterNames.output),
    cacheRead: counter(counterNames.cacheRead),
    reasoning: counter(counterNames.reasoning),
    inputHistogram: histogram(histogramNames.input),
    outputHistogram: histogram(histogramNames.output),
  };
  return { record: (usage, base) => recordLatest(latest, cache, usage, base) };
}

function recordLegacy(
  histogram: HistogramLike,
  cache: MetricAttributeCache,
  usage: Usage | undefined,
  base: Attributes,
): void {
  if (usage === undefined) return;
  histogram.record(usage.promptTokens, cache.with(base, ATTR.tokenType, 'input'));
  histogram.record(usage.completionTokens, cache.with(base, ATTR.tokenType, 'output'));
}

interface LatestInstruments {
  readonly input: CounterLike;
  readonly output: CounterLike;
  readonly cacheRead: CounterLike;
  readonly reasoning: CounterLike;
  readonly inputHistogram: HistogramLike;
  readonly outputHistogram: HistogramLike;
}

function recordLatest(
  instruments: LatestInstruments,
  cache: MetricAttributeCache,
  usage: Usage | undefined,
  base: Attributes,
): void {
  if (usage === undefined) {
    // Head records failed (or unreported) operations too: zero tokens of unknown modality.
    const unknown = cache.with(base, ATTR.tokenModality, 'unknown');
    instruments.input.add(0, unknown);
    instruments.output.add(0, unknown);
    return;
  }
  const text = cache.with(base, ATTR.tokenModality, 'text');
  instruments.input.add(usage.promptTokens, text);
  instruments.output.add(usage.completionTokens, text);
  if (usage.cachedTokens !== undefined) instruments.cacheRead.add(usage.cachedTokens, text);
  if (usage.reasoningTokens !== undefined) instruments.reasoning.add(usage.reasoningTokens, text);
  instruments.inputHistogram.record(usage.promptTokens, base);
  instruments.outputHistogram.record(usage.completionTokens, base);
}
