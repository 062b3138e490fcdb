import type { Attributes } from '@opentelemetry/api';
import type { AggregationCell } from './aggregation-cells.ts';
import {
  counterDescriptor,
  histogramDescriptor,
  type PreaggregatedDescriptor,
  PreaggregatedInstrument,
} from './preaggregated-instrument.ts';

/** What a store hands each of its readers' producers: the intervals not yet reported to it, per instrument. */
export interface IntervalSink {
  /** Takes one interval of one instrument (the same cells go to every sink: never mutate them). */
  stash(instrument: PreaggregatedInstrument, cells: Map<Attributes, AggregationCell>): void;
}

const DEFAULT_CARDINALITY_LIMIT = 2000;

/**
 * The instruments acpt aggregates itself for one meter provider, shared by every instrumented adapter on it (one
 * instrument per name, as the SDK shares one storage per name). Each reader of the provider has one sink (its
 * `MetricProducer`); when any of them collects, the instruments' current intervals are closed and stashed into every
 * sink, so each reader sees every record once, as the SDK's per-reader processors do.
 */
export class PreaggregatedStore {
  readonly #instruments = new Map<string, PreaggregatedInstrument>();
  readonly #sinks: IntervalSink[] = [];
  #cardinalityLimit = DEFAULT_CARDINALITY_LIMIT;

  /** The histogram `name`, created on first use with the advised boundaries. */
  histogram(
    name: string,
    options: { readonly description: string; readonly unit: string; readonly boundaries: readonly number[] },
  ): PreaggregatedInstrument {
    return this.#instrument(histogramDescriptor(name, options));
  }

  /** The monotonic counter `name`, created on first use. */
  counter(name: string, options: { readonly description: string; readonly unit: string }): PreaggregatedInstrument {
    return this.#instrument(counterDescriptor(name, options));
  }

  /** Adds a reader's sink; `cardinalityLimit` is the reader's limit for these instruments (the smallest one wins). */
  addSink(sink: IntervalSink, cardinalityLimit: number): void {
    this.#sinks.push(sink);
    this.#cardinalityLimit = Math.min(this.#cardinalityLimit, cardinalityLimit);
    for (const instrument of this.#instruments.values()) instrument.limitCardinality(cardinalityLimit);
  }

  /** Closes every instrument's interval and stashes it into every sink. Returns the instruments, in creation order. */
  closeIntervals(): readonly PreaggregatedInstrument[] {
    const instruments = [...this.#instruments.values()];
    for (const instrument of instruments) {
      const cells = instrument.take();
      if (cells === undefined) continue;
      for (const sink of this.#sinks) sink.stash(instrument, cells);
    }
    return instruments;
  }

  #instrument(descriptor: PreaggregatedDescriptor): PreaggregatedInstrument {
    let instrument = this.#instruments.get(descriptor.name);
    if (instrument === undefined) {
      instrument = new PreaggregatedInstrument(descriptor, this.#cardinalityLimit);
      this.#instruments.set(descriptor.name, instrument);
    }
    return instrument;
  }
}
