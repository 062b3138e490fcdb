import type { Meter } from '@opentelemetry/api';
import { MetricAttributeCache } from './metric-attributes.ts';
import { StateGauges } from './state-gauges.ts';
import { TalliedCounter } from './tallied-counter.ts';

interface SharedState {
  readonly caches: Map<boolean, MetricAttributeCache>;
  readonly counters: Map<string, TalliedCounter>;
  gauges: StateGauges | undefined;
}

const byMeter = new WeakMap<Meter, SharedState>();

function sharedState(meter: Meter): SharedState {
  let state = byMeter.get(meter);
  if (state === undefined) {
    state = { caches: new Map(), counters: new Map(), gauges: undefined };
    byMeter.set(meter, state);
  }
  return state;
}

/**
 * The attribute cache of a meter (one per `gen_ai.system` setting). Shared by every instrumentation on that meter so
 * that one attribute set is one object across adapters, as the tallied counters need.
 */
export function attributeCacheFor(meter: Meter, legacySystem: boolean): MetricAttributeCache {
  const caches = sharedState(meter).caches;
  let cache = caches.get(legacySystem);
  if (cache === undefined) {
    cache = new MetricAttributeCache(legacySystem);
    caches.set(legacySystem, cache);
  }
  return cache;
}

/** The tallied counter `name` of a meter, created once: several instrumented adapters add to the same totals. */
export function talliedCounterFor(
  meter: Meter,
  name: string,
  options: { readonly description: string; readonly unit: string },
): TalliedCounter {
  const counters = sharedState(meter).counters;
  let counter = counters.get(name);
  if (counter === undefined) {
    counter = new TalliedCounter(meter, name, options);
    counters.set(name, counter);
  }
  return counter;
}

/** The state gauges of a meter, created once. */
export function stateGaugesFor(meter: Meter): StateGauges {
  const state = sharedState(meter);
  state.gauges ??= new StateGauges(meter);
  return state.gauges;
}
