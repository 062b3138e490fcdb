import type { MeterProvider } from '@opentelemetry/api';
import type { PreaggregatedStore } from './preaggregated-store.ts';

const stores = new WeakMap<MeterProvider, PreaggregatedStore>();

/**
 * Declares that every reader of `meterProvider` carries a producer of `store` (done by `PreaggregatedMetrics.register`
 * and `startTelemetry`): from then on, `instrumentAdapter` on that provider records its histograms and token counters
 * into the store instead of through the SDK's instruments.
 */
export function registerPreaggregatedStore(meterProvider: MeterProvider, store: PreaggregatedStore): void {
  stores.set(meterProvider, store);
}

/** The store registered for `meterProvider`, or `undefined`: then the SDK's own instruments are used. */
export function preaggregatedStoreFor(meterProvider: MeterProvider): PreaggregatedStore | undefined {
  return stores.get(meterProvider);
}
