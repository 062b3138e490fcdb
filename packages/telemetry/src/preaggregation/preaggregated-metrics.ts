import type { MeterProvider } from '@opentelemetry/api';
import type { AggregationOption, InstrumentType, MetricProducer } from '@opentelemetry/sdk-metrics';
import { PreaggregatedMetricProducer, type TemporalitySource } from './preaggregated-producer.ts';
import { PreaggregatedStore } from './preaggregated-store.ts';
import { registerPreaggregatedStore } from './preaggregation-registry.ts';

/** What {@link PreaggregatedMetrics.reader} reads of a metric reader: its selections for an instrument type. */
export interface MetricReaderSelections extends TemporalitySource {
  selectAggregation(instrumentType: InstrumentType): AggregationOption;
  selectCardinalityLimit(instrumentType: InstrumentType): number;
}

const DEFAULT_AGGREGATION = 0;
const SUM_AGGREGATION = 2;

/**
 * acpt's histograms and token counters aggregated in process and handed to the metrics SDK at collection, through a
 * `MetricProducer` on each reader, instead of recorded through the SDK's instruments (which hash the attribute set on
 * every record). Exported as the same metrics: names, units, descriptions, bucket boundaries, attributes and the
 * reader's temporality. `startTelemetry` sets this up for the readers it creates; for a `MeterProvider` of your own:
 *
 * ```ts
 * const acpt = new PreaggregatedMetrics();
 * const reader = acpt.reader((producer) => new PeriodicExportingMetricReader({ exporter, metricProducers: [producer] }));
 * const meterProvider = new MeterProvider({ readers: [reader] });
 * acpt.register(meterProvider); // before instrumentAdapter(adapter, { meterProvider })
 * ```
 *
 * Every reader of the provider must come from `reader()`, or it would miss these metrics. Views do not apply to them
 * (register only a provider without views on these instruments). Readers that ask for another aggregation than the
 * default for histograms (an exponential histogram, other boundaries) or counters keep the SDK's instruments:
 * `register()` then declines and returns `false`.
 */
export class PreaggregatedMetrics {
  readonly #store = new PreaggregatedStore();
  #readers = 0;
  #supported = true;

  /**
   * Creates a reader with `create`, handing it this object's producer for that reader (pass it in the reader's
   * `metricProducers`), and returns the reader.
   */
  reader<TReader extends MetricReaderSelections>(create: (producer: MetricProducer) => TReader): TReader {
    const producer = new PreaggregatedMetricProducer(this.#store);
    const reader = create(producer);
    producer.bind(reader);
    const histogram = reader.selectAggregation('HISTOGRAM' as InstrumentType).type;
    const counter = reader.selectAggregation('COUNTER' as InstrumentType).type;
    if (histogram !== DEFAULT_AGGREGATION || (counter !== DEFAULT_AGGREGATION && counter !== SUM_AGGREGATION)) {
      this.#supported = false;
    }
    const limit = Math.min(
      reader.selectCardinalityLimit('HISTOGRAM' as InstrumentType),
      reader.selectCardinalityLimit('COUNTER' as InstrumentType),
    );
    this.#store.addSink(producer, limit);
    this.#readers += 1;
    return reader;
  }

  /**
   * Makes `instrumentAdapter` on `meterProvider` record into this object. Returns `false`, and changes nothing, when
   * no reader was created or one asks for an aggregation this cannot reproduce.
   */
  register(meterProvider: MeterProvider): boolean {
    if (this.#readers === 0 || !this.#supported) return false;
    registerPreaggregatedStore(meterProvider, this.#store);
    return true;
  }
}
