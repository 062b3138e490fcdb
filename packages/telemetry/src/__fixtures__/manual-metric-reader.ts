import { type AggregationTemporality, MetricReader, type MetricReaderOptions } from '@opentelemetry/sdk-metrics';

/** A pull reader with one temporality for every instrument, read with `collect()`. */
export class ManualMetricReader extends MetricReader {
  constructor(
    temporality: AggregationTemporality,
    options: Omit<MetricReaderOptions, 'aggregationTemporalitySelector'> = {},
  ) {
    super({ ...options, aggregationTemporalitySelector: () => temporality });
  }
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}
