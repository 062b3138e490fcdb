import type { RateLimitState } from './rate-limit.ts';

/** What a live attempt asks admission for, before it is sent. */
export interface AdmissionRequest {
  /**
   * Tokens to reserve: the prompt estimate plus `max_completion_tokens`, which is what Cerebras reserves against the
   * token windows when it admits a request.
   */
  readonly tokens: number;
  /** The model the request goes to (Cerebras quotas are per organisation and model). */
  readonly model: string;
  /** The adapter's clock at the time of asking, epoch ms. */
  readonly nowMs: number;
  /** Aborted when the request is (caller, deadline, close); an asynchronous admission should stop waiting then. */
  readonly signal?: AbortSignal;
}

/** A reservation handed out by {@link Admission.admit}, given back to {@link Admission.settle}. Opaque to callers. */
export interface AdmissionTicket {
  /** Unique id of the reservation. */
  readonly id: string;
  /** Tokens reserved. */
  readonly tokens: number;
  /** The model it was reserved for. */
  readonly model: string;
}

/** The outcome of asking to send a request. */
export type AdmissionVerdict =
  | {
      readonly admit: true;
      /** The reservation to settle once the attempt's usage is known; absent when nothing was reserved. */
      readonly ticket?: AdmissionTicket;
    }
  | {
      readonly admit: false;
      /** How long until the binding window has room, in ms (`Infinity` when it never will). */
      readonly waitMs: number;
      /** Tokens the request needs. */
      readonly neededTokens: number;
      /** Tokens left in the binding window, as far as admission knows. */
      readonly remainingTokens: number;
      /** The binding window, e.g. `tokens-minute` or `requests-day`, when known. */
      readonly window?: string;
    };

/** How an admitted attempt ended, for {@link Admission.settle}. */
export interface AdmissionSettlement {
  /**
   * `true` when the server may have counted the attempt (it answered, or failed after it could have admitted it);
   * `false` when it certainly did not (a 429 quota refusal happens before admission): the whole reservation,
   * request included, is given back.
   */
  readonly charged: boolean;
  /** Tokens the attempt really used (`usage.total_tokens`), when known: the unused part of the reservation returns. */
  readonly usedTokens?: number;
}

/**
 * Decides when a live request may be sent so that it does not provoke a 429: the adapter asks before every live
 * attempt, waits `waitMs` when refused (or stops when the wait does not fit in the request's deadline), feeds it every
 * response's `x-ratelimit-*` headers, and settles each admitted attempt. The adapter's default is an in-process
 * token admission over the last headers; `@acpt/campaign` shares one budget across processes and machines in Redis.
 */
export interface Admission {
  /**
   * When `false`, admission has nothing to check and the adapter skips {@link Admission.admit} (and settles nothing)
   * for speed. Leave undefined to be asked before every live attempt.
   */
  readonly tracking?: boolean;
  /** Asks whether a request may be sent now, reserving its cost when it may. */
  admit(request: AdmissionRequest): AdmissionVerdict | Promise<AdmissionVerdict>;
  /** Takes in the rate-limit headers of a live response or error for `model`. Must not throw. */
  observe(state: RateLimitState, model: string): void;
  /** Settles an admitted attempt: returns the unused part of its reservation. Must not throw. */
  settle?(ticket: AdmissionTicket, settlement: AdmissionSettlement): void;
}
