import type { AdapterDiagnostics } from '@acpt/adapter';
import type { AdapterEventSource } from '@acpt/config';
import type { WitnessCounts } from './accounting.ts';

/** Counts the adapter's own events during a run: starts, ends by outcome, circuit openings. */
export interface EventCounter {
  /** The counts as a witness for the accounting check. */
  witness(): WitnessCounts;
  /** `circuit-state` events that moved to `open`. */
  readonly circuitOpenings: number;
  /** Fallbacks of requests that never made a live attempt (shed by token admission or the open circuit). */
  readonly fallbacksWithoutLiveAttempt: number;
  /** Removes the listeners. */
  detach(): void;
}

/**
 * Subscribes to `request-start`, `attempt-start`, `fallback-start`, `request-end` and `circuit-state`. Per-request
 * state lives only until `request-end`, so memory stays flat.
 */
export function countAdapterEvents(adapter: AdapterEventSource): EventCounter {
  const ends = { success: 0, fallback: 0, error: 0, aborted: 0 };
  const triedLive = new Set<string>();
  let starts = 0;
  let circuitOpenings = 0;
  let fallbacksWithoutLiveAttempt = 0;
  const unsubscribes = [
    adapter.on('request-start', () => {
      starts += 1;
    }),
    adapter.on('attempt-start', (event) => {
      if (event.role === 'live') triedLive.add(event.requestId);
    }),
    adapter.on('fallback-start', (event) => {
      if (!triedLive.has(event.requestId)) fallbacksWithoutLiveAttempt += 1;
    }),
    adapter.on('request-end', (event) => {
      ends[event.outcome] += 1;
      triedLive.delete(event.requestId);
    }),
    adapter.on('circuit-state', (event) => {
      if (event.to === 'open') circuitOpenings += 1;
    }),
  ];
  return {
    witness: () => ({
      name: 'adapter events',
      submitted: starts,
      succeeded: ends.success,
      fellBack: ends.fallback,
      failed: ends.error + ends.aborted,
    }),
    get circuitOpenings(): number {
      return circuitOpenings;
    },
    get fallbacksWithoutLiveAttempt(): number {
      return fallbacksWithoutLiveAttempt;
    },
    detach: () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    },
  };
}

/** The adapter's `diagnostics()` counts as a witness (aborted requests count as failed, as the driver sees them). */
export function diagnosticsWitness(diagnostics: AdapterDiagnostics): WitnessCounts {
  const { counts } = diagnostics;
  return {
    name: 'adapter diagnostics',
    submitted: counts.submitted,
    succeeded: counts.succeeded,
    fellBack: counts.fellBack,
    failed: counts.failed + counts.aborted,
  };
}
