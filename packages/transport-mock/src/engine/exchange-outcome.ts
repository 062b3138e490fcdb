import type { RateLimitState } from '@acpt/config';
import type { LatencyPlan } from '../latency/latency-model.ts';
import type { MockReply } from '../reply/mock-reply.ts';
import type { WireResponse } from '../wire/wire-response.ts';

/** A body-level fault that strikes after the response headers. */
export type BodyFault = 'stream-truncated' | 'stream-error-event' | 'malformed-json';

/**
 * What the mocks do with one request, decided once and carried out by the in-process transport (as typed errors)
 * or the server (on the wire):
 * - `error`: an HTTP error response (422, 401, 403, 404, 429, 500, 503);
 * - `reset`: reset the connection before any byte;
 * - `hang`: send nothing for `delayMs`, then reset (a headers timeout on the client);
 * - `reply`: answer after the planned waits, possibly breaking the body with `bodyFault`.
 */
export type ExchangeOutcome =
  | { readonly kind: 'error'; readonly response: WireResponse }
  | { readonly kind: 'reset' }
  | { readonly kind: 'hang'; readonly delayMs: number }
  | {
      readonly kind: 'reply';
      readonly reply: MockReply;
      readonly plan: LatencyPlan;
      readonly bodyFault: BodyFault | undefined;
      /** `x-ratelimit-*` headers, when quotas are configured. */
      readonly quotaHeaders: Readonly<Record<string, string>> | undefined;
      /** Those headers parsed, for `ChatResponse.rateLimit`. */
      readonly rateLimit: RateLimitState | undefined;
    };
