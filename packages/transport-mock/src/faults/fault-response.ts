import type { QuotaState } from '../rate-limit/rate-limit-windows.ts';
import { addQuotaHeaders, secondsToReset } from '../rate-limit/rate-limit-windows.ts';
import {
  modelNotFoundBody,
  NOT_AUTHENTICATED_BODY,
  QUEUE_EXCEEDED_BODY,
  quotaBody,
  SERVER_ERROR_BODY,
  SERVICE_UNAVAILABLE_BODY,
  WRONG_API_KEY_BODY,
} from '../wire/error-bodies.ts';
import { jsonResponse, type WireResponse } from '../wire/wire-response.ts';
import type { FaultKind } from './fault-rule.ts';

/** The quotas that injected 429s report (Cerebras' historical free tier). */
export const FAULT_QUOTAS: Readonly<Record<'requestsPerMinute' | 'tokensPerMinute', number>> = {
  requestsPerMinute: 30,
  tokensPerMinute: 60_000,
};

/** What an HTTP fault needs to know about the request. */
export interface FaultContext {
  /** The requested model, named by `not-found`. */
  readonly model: string;
  /** Epoch ms now, for the quota reset headers. */
  readonly nowMs: number;
}

/**
 * The exact response of an HTTP fault kind (429s, 500, 503, 401, 403, 404), byte for byte what the mock server sends.
 * Injected 429s carry `x-ratelimit-*` minute headers: the exhausted quota shows 0 remaining, and the queue 429
 * shows quota to spare (it is Cerebras' capacity, not yours).
 */
export function httpFaultResponse(kind: FaultKind, context: FaultContext): WireResponse {
  switch (kind) {
    case 'rate-limit-requests':
      return jsonResponse(429, quotaBody('requests', 'minute'), faultQuotaHeaders(context.nowMs, 'requests'));
    case 'rate-limit-tokens':
      return jsonResponse(429, quotaBody('tokens', 'minute'), faultQuotaHeaders(context.nowMs, 'tokens'));
    case 'rate-limit-queue':
      return jsonResponse(429, QUEUE_EXCEEDED_BODY, faultQuotaHeaders(context.nowMs, undefined));
    case 'server-error':
    case 'stream-error-event':
      return jsonResponse(500, SERVER_ERROR_BODY);
    case 'service-unavailable':
      return jsonResponse(503, SERVICE_UNAVAILABLE_BODY);
    case 'unauthorized':
      return jsonResponse(401, WRONG_API_KEY_BODY);
    case 'forbidden':
      return jsonResponse(403, NOT_AUTHENTICATED_BODY);
    case 'not-found':
      return jsonResponse(404, modelNotFoundBody(context.model));
    default:
      throw new Error(`Fault kind ${kind} is not an HTTP response`);
  }
}

/** The 429 of a real quota refusal by the rate limiter, with every window's headers. */
export function quotaExceededResponse(exceeded: QuotaState, states: readonly QuotaState[]): WireResponse {
  const headers: Record<string, string> = {};
  addQuotaHeaders(headers, states);
  return jsonResponse(429, quotaBody(exceeded.unit, exceeded.window), headers);
}

function faultQuotaHeaders(nowMs: number, exhausted: 'requests' | 'tokens' | undefined): Record<string, string> {
  const resetSeconds = secondsToReset('minute', nowMs);
  const headers: Record<string, string> = {};
  addQuotaHeaders(headers, [
    {
      unit: 'requests',
      window: 'minute',
      limit: FAULT_QUOTAS.requestsPerMinute,
      remaining: exhausted === 'requests' ? 0 : FAULT_QUOTAS.requestsPerMinute - 1,
      resetSeconds,
    },
    {
      unit: 'tokens',
      window: 'minute',
      limit: FAULT_QUOTAS.tokensPerMinute,
      remaining: exhausted === 'tokens' ? 0 : FAULT_QUOTAS.tokensPerMinute / 2,
      resetSeconds,
    },
  ]);
  return headers;
}
