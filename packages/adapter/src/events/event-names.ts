import type { AdapterEventName } from '@acpt/config';

/** Every adapter event name of the contract, in lifecycle order (handy to attach one listener to all of them). */
export const ADAPTER_EVENT_NAMES: readonly AdapterEventName[] = Object.freeze([
  'request-start',
  'attempt-start',
  'attempt-end',
  'attempt-error',
  'retry-scheduled',
  'first-token',
  'stream-chunk',
  'batch-flush',
  'concurrency-change',
  'fallback-start',
  'budget-exceeded',
  'circuit-state',
  'rate-limit',
  'spend-limit',
  'request-end',
]);
