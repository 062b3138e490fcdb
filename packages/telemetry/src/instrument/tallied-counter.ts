import type { Attributes, Meter, ObservableCallback } from '@opentelemetry/api';

/** What the instrumentation needs of a counter. */
export interface CounterLike {
  add(value: number, attributes: Attributes): void;
}

/**
 * A monotonic counter kept in process and reported through an `ObservableCounter` when a reader collects. Adding is
 * one Map update keyed by the attribute object, instead of the SDK hashing the attributes on every call; that is why
 * the attributes must come from the meter's shared `MetricAttributeCache`, which hands out one object per attribute
 * set, and why there is one counter per meter and name (`talliedCounterFor`). Exported exactly like a synchronous
 * counter (a monotonic sum, cumulative or delta as the reader prefers). The totals stay observed after an
 * instrumentation detaches, as a synchronous counter's would.
 */
export class TalliedCounter implements CounterLike {
  readonly #totals = new Map<Attributes, number>();

  constructor(meter: Meter, name: string, options: { readonly description: string; readonly unit: string }) {
    const totals = this.#totals;
    const observe: ObservableCallback = (result) => {
      for (const [attributes, total] of totals) result.observe(total, attributes);
    };
    meter.createObservableCounter(name, options).addCallback(observe);
  }

  add(value: number, attributes: Attributes): void {
    this.#totals.set(attributes, (this.#totals.get(attributes) ?? 0) + value);
  }
}
