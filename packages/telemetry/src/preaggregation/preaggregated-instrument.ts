import { type Attributes, diag, type HrTime, ValueType } from '@opentelemetry/api';
import { type AggregationCell, HistogramCell, SumCell } from './aggregation-cells.ts';
import { hrTimeOfMillis } from './hr-time.ts';

/** The metric descriptor an instrument is exported under, as the metrics SDK describes a synchronous instrument. */
export interface PreaggregatedDescriptor {
  readonly name: string;
  readonly type: 'HISTOGRAM' | 'COUNTER';
  readonly description: string;
  readonly unit: string;
  readonly valueType: ValueType;
  readonly advice: { readonly explicitBucketBoundaries?: number[] };
}

/** The attribute set the SDK puts measurements under once an instrument has reached its cardinality limit. */
export const OVERFLOW_ATTRIBUTES: Attributes = Object.freeze({ 'otel.metric.overflow': true });

/**
 * A histogram or monotonic counter aggregated in process, per attribute set, until a reader collects: recording is
 * one Map read keyed by the attribute object and a few additions, where the SDK hashes the attribute set (sorted keys,
 * then `JSON.stringify`) on every record. The attribute objects must come from the shared `MetricAttributeCache`,
 * which hands out one frozen object per set. Values are checked as the SDK's instruments check them (a negative value
 * is dropped with a `diag` warning; a histogram ignores NaN). Past the cardinality limit new sets go to
 * `otel.metric.overflow=true`, as in the SDK.
 */
export class PreaggregatedInstrument {
  readonly descriptor: PreaggregatedDescriptor;
  /** Bucket boundaries of a histogram (empty for a counter). */
  readonly boundaries: readonly number[];
  #active = new Map<Attributes, AggregationCell>();
  #limit: number;

  constructor(descriptor: PreaggregatedDescriptor, cardinalityLimit: number) {
    this.descriptor = descriptor;
    this.boundaries = descriptor.advice.explicitBucketBoundaries ?? [];
    this.#limit = cardinalityLimit - 1;
  }

  /** Whether this is a histogram (else a monotonic sum). */
  get histogram(): boolean {
    return this.descriptor.type === 'HISTOGRAM';
  }

  /** Lowers the cardinality limit (the smallest limit of the readers). */
  limitCardinality(limit: number): void {
    this.#limit = Math.min(this.#limit, limit - 1);
  }

  /** Records a histogram value. */
  record(value: number, attributes: Attributes): void {
    if (value < 0) {
      diag.warn(`negative value provided to histogram ${this.descriptor.name}: ${value}`);
      return;
    }
    (this.#cell(attributes) as HistogramCell).record(value, this.boundaries);
  }

  /** Adds to a counter. */
  add(value: number, attributes: Attributes): void {
    if (value < 0) {
      diag.warn(`negative value provided to counter ${this.descriptor.name}: ${value}`);
      return;
    }
    (this.#cell(attributes) as SumCell).record(value);
  }

  /** Hands over what was recorded since the last call and starts a new interval. */
  take(): Map<Attributes, AggregationCell> | undefined {
    if (this.#active.size === 0) return undefined;
    const taken = this.#active;
    this.#active = new Map();
    return taken;
  }

  #cell(attributes: Attributes): AggregationCell {
    let cell = this.#active.get(attributes);
    if (cell !== undefined) return cell;
    const key = this.#active.size >= this.#limit ? OVERFLOW_ATTRIBUTES : attributes;
    cell = this.#active.get(key);
    if (cell === undefined) {
      cell = this.#newCell(hrTimeOfMillis(Date.now()));
      this.#active.set(key, cell);
    }
    return cell;
  }

  #newCell(startTime: HrTime): AggregationCell {
    return this.histogram ? new HistogramCell(startTime, this.boundaries.length + 1) : new SumCell(startTime);
  }
}

/** A histogram's descriptor (double values, the advised boundaries). */
export function histogramDescriptor(
  name: string,
  options: { readonly description: string; readonly unit: string; readonly boundaries: readonly number[] },
): PreaggregatedDescriptor {
  return {
    name,
    type: 'HISTOGRAM',
    description: options.description,
    unit: options.unit,
    valueType: ValueType.DOUBLE,
    advice: { explicitBucketBoundaries: [...options.boundaries] },
  };
}

/** A monotonic counter's descriptor (double values). */
export function counterDescriptor(
  name: string,
  options: { readonly description: string; readonly unit: string },
): PreaggregatedDescriptor {
  return {
    name,
    type: 'COUNTER',
    description: options.description,
    unit: options.unit,
    valueType: ValueType.DOUBLE,
    advice: {},
  };
}
