import type { Attributes, HrTime } from '@opentelemetry/api';
import { emptyResource } from '@opentelemetry/resources';
import type {
  AggregationTemporality,
  CollectionResult,
  InstrumentType,
  MetricData,
  MetricProducer,
} from '@opentelemetry/sdk-metrics';
import { SCOPE_NAME } from '../semconv/attributes.ts';
import { VERSION } from '../version.ts';
import { type AggregationCell, HistogramCell } from './aggregation-cells.ts';
import { hrTimeNow } from './hr-time.ts';
import type { PreaggregatedInstrument } from './preaggregated-instrument.ts';
import type { IntervalSink, PreaggregatedStore } from './preaggregated-store.ts';

/** What a producer asks of its reader: the temporality the reader wants for an instrument type. */
export interface TemporalitySource {
  selectAggregationTemporality(instrumentType: InstrumentType): AggregationTemporality;
}

type Series = Map<string, { readonly attributes: Attributes; readonly cell: AggregationCell }>;

interface Report {
  readonly series: Series;
  readonly time: HrTime;
  readonly temporality: AggregationTemporality;
}

const CUMULATIVE = 1 as AggregationTemporality;
const HISTOGRAM_POINTS = 0;
const SUM_POINTS = 3;
const SCOPE = { name: SCOPE_NAME, version: VERSION, schemaUrl: undefined };

/**
 * The `MetricProducer` of one reader: at each collection it closes the store's current intervals and reports what
 * this reader has not seen, in the reader's temporality, exactly as the SDK's temporal processor does for a
 * synchronous instrument. Cumulative: every series since its first record, start time of that record. Delta: the
 * series recorded since this reader's last collection; those also reported last time start at that collection, new
 * ones at their first record. Series are keyed by attribute content (sorted keys), as the SDK keys them.
 */
export class PreaggregatedMetricProducer implements MetricProducer, IntervalSink {
  readonly #store: PreaggregatedStore;
  #reader: TemporalitySource | undefined;
  /**
   * What this reader has not seen yet, per instrument, merged as it is stashed (one cell per attribute object): a
   * reader that collects rarely, or never (a Prometheus endpoint nobody scrapes), holds at most one cell per series,
   * however often the other readers collect.
   */
  readonly #pending = new Map<PreaggregatedInstrument, Map<Attributes, AggregationCell>>();
  readonly #history = new Map<PreaggregatedInstrument, Report>();

  constructor(store: PreaggregatedStore) {
    this.#store = store;
  }

  /** Binds the producer to the reader it was given to (its temporality is read at each instrument's first report). */
  bind(reader: TemporalitySource): void {
    this.#reader = reader;
  }

  stash(instrument: PreaggregatedInstrument, cells: Map<Attributes, AggregationCell>): void {
    const pending = this.#pending.get(instrument);
    if (pending === undefined) {
      this.#pending.set(instrument, new Map(cells));
      return;
    }
    for (const [attributes, cell] of cells) {
      const earlier = pending.get(attributes);
      pending.set(attributes, earlier === undefined ? cell : merge(earlier, cell));
    }
  }

  async collect(): Promise<CollectionResult> {
    const time = hrTimeNow();
    const metrics: MetricData[] = [];
    for (const instrument of this.#store.closeIntervals()) {
      const data = this.#report(instrument, time);
      if (data !== undefined) metrics.push(data);
    }
    return {
      resourceMetrics: {
        resource: emptyResource(),
        scopeMetrics: metrics.length === 0 ? [] : [{ scope: SCOPE, metrics }],
      },
      errors: [],
    };
  }

  #report(instrument: PreaggregatedInstrument, time: HrTime): MetricData | undefined {
    const unreported = this.#takePending(instrument);
    const last = this.#history.get(instrument);
    let series = unreported;
    let temporality: AggregationTemporality;
    if (last === undefined) {
      const reader = this.#reader;
      if (reader === undefined) throw new Error('@acpt/telemetry: a pre-aggregated metric producer collected unbound');
      temporality = reader.selectAggregationTemporality(instrument.descriptor.type as InstrumentType);
    } else {
      temporality = last.temporality;
      series = temporality === CUMULATIVE ? mergeSeries(last.series, unreported) : restart(last, unreported);
    }
    this.#history.set(instrument, { series, time, temporality });
    if (series.size === 0) return undefined;
    return toMetricData(instrument, temporality, series, time);
  }

  #takePending(instrument: PreaggregatedInstrument): Series {
    const series: Series = new Map();
    const pending = this.#pending.get(instrument);
    if (pending === undefined) return series;
    this.#pending.delete(instrument);
    for (const [attributes, cell] of pending) {
      const key = attributesKey(attributes);
      const previous = series.get(key);
      series.set(key, previous === undefined ? { attributes, cell } : { attributes, cell: merge(previous.cell, cell) });
    }
    return series;
  }
}

function merge(earlier: AggregationCell, later: AggregationCell): AggregationCell {
  return earlier instanceof HistogramCell
    ? earlier.merged(later as HistogramCell)
    : (earlier as Exclude<AggregationCell, HistogramCell>).merged(later as Exclude<AggregationCell, HistogramCell>);
}

/** Cumulative: the last report plus what is new (new cells; nothing shared is changed). */
function mergeSeries(last: Series, unreported: Series): Series {
  const result: Series = new Map(last);
  for (const [key, entry] of unreported) {
    const previous = result.get(key);
    result.set(
      key,
      previous === undefined ? entry : { attributes: previous.attributes, cell: merge(previous.cell, entry.cell) },
    );
  }
  return result;
}

/** Delta: series also in the last report start at the last collection, new ones at their first record. */
function restart(last: Report, unreported: Series): Series {
  const result: Series = new Map();
  for (const [key, entry] of unreported) {
    const cell = last.series.has(key) ? entry.cell.startingAt(last.time) : entry.cell;
    result.set(key, { attributes: entry.attributes, cell });
  }
  return result;
}

function toMetricData(
  instrument: PreaggregatedInstrument,
  temporality: AggregationTemporality,
  series: Series,
  endTime: HrTime,
): MetricData {
  const descriptor = instrument.descriptor as MetricData['descriptor'];
  if (instrument.histogram) {
    const boundaries = [...instrument.boundaries];
    return {
      descriptor,
      aggregationTemporality: temporality,
      dataPointType: HISTOGRAM_POINTS,
      dataPoints: [...series.values()].map(({ attributes, cell }) => {
        const histogram = cell as HistogramCell;
        return {
          attributes,
          startTime: histogram.startTime,
          endTime,
          value: {
            min: histogram.hasMinMax ? histogram.min : undefined,
            max: histogram.hasMinMax ? histogram.max : undefined,
            sum: histogram.sum,
            buckets: { boundaries, counts: [...histogram.counts] },
            count: histogram.count,
          },
        };
      }),
    } as MetricData;
  }
  return {
    descriptor,
    aggregationTemporality: temporality,
    dataPointType: SUM_POINTS,
    dataPoints: [...series.values()].map(({ attributes, cell }) => ({
      attributes,
      startTime: cell.startTime,
      endTime,
      value: (cell as Exclude<AggregationCell, HistogramCell>).value,
    })),
    isMonotonic: true,
  } as MetricData;
}

/** The SDK's attribute key: sorted keys and values, as JSON. */
function attributesKey(attributes: Attributes): string {
  const keys = Object.keys(attributes);
  if (keys.length === 0) return '';
  keys.sort();
  return JSON.stringify(keys.map((key) => [key, attributes[key]]));
}
