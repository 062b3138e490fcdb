import type { FaultRule, MockLatencyModel, MockRateLimits } from '@acpt/transport-mock';

/** What the load test asks of the mock server (sent to the child process as JSON; the key goes separately). */
export interface MockServerSpec {
  readonly faults: readonly FaultRule[];
  readonly latency: MockLatencyModel;
  readonly seed: number;
  /** Quotas enforced and reported in `x-ratelimit-*` headers. */
  readonly rateLimits?: MockRateLimits;
}

/** Messages the server child process sends to the load test. */
export type ChildMessage =
  | { readonly type: 'listening'; readonly url: string }
  | { readonly type: 'stopped'; readonly requestCount: number; readonly peakRssBytes: number }
  | { readonly type: 'failed'; readonly message: string };

/** Name of the environment variable that hands the API key to the child (never on its command line). */
export const CHILD_KEY_VARIABLE = 'ACPT_LOADTEST_SERVER_KEY';
