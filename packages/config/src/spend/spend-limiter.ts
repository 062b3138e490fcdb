/** A value, or a promise of it: in-process implementations answer synchronously, shared ones asynchronously. */
export type MaybePromise<TValue> = TValue | Promise<TValue>;

/** Spend limits in USD. An absent limit does not apply. */
export interface SpendLimits {
  /** Most USD spent over the limiter's lifetime (admitted requests' reservations included). */
  readonly maxUsd?: number;
  /** Most USD spent in any sliding hour. */
  readonly maxUsdPerHour?: number;
}

/** Which limit refused a request. `unpriced`: a limit is set but the model has no price, so it cannot be checked. */
export type SpendLimitKind = 'total' | 'hourly' | 'unpriced';

/** What one attempt asks to reserve. */
export interface SpendRequest {
  /** The adapter's id of the logical request (for logs and shared implementations). */
  readonly requestId: string;
  /** Model the attempt is priced at. */
  readonly model: string;
  /** Worst-case USD of the attempt: prompt estimate plus `max_completion_tokens`, at the model's price. */
  readonly usd: number;
  /** Epoch ms of the request (the adapter's clock). */
  readonly nowMs: number;
}

/** A refusal: what limit, and the figures behind it. */
export interface SpendRefusal {
  readonly admitted: false;
  /** The limit that would be crossed. */
  readonly limit: SpendLimitKind;
  /** Its value in USD (0 for `unpriced`). */
  readonly limitUsd: number;
  /** USD already settled in the limit's window (lifetime or the last hour). */
  readonly spentUsd: number;
  /** USD reserved by admitted requests not yet settled. */
  readonly reservedUsd: number;
  /** USD this request asked for. */
  readonly requestedUsd: number;
}

/** The answer to a reservation: admitted with a reservation id to settle or release, or refused. */
export type SpendDecision = { readonly admitted: true; readonly reservationId: string } | SpendRefusal;

/** A limiter's view of its spend, for diagnostics. */
export interface SpendSnapshot {
  /** The limits in force. */
  readonly limits: SpendLimits;
  /** USD settled over the limiter's lifetime. */
  readonly spentUsd: number;
  /** USD settled in the last sliding hour. */
  readonly spentLastHourUsd: number;
  /** USD reserved by admitted, unsettled requests. */
  readonly reservedUsd: number;
  /** Reservations not yet settled or released. */
  readonly openReservations: number;
}

/**
 * A spend limit that admission consults before every live attempt. The contract, which every implementation (the
 * adapter's in-process one, a cluster-wide Redis one) keeps:
 *
 * 1. `reserve` is atomic: it admits a request only when settled spend + open reservations + the request's `usd` stays
 *    within every limit, and then holds `usd` as a reservation; so concurrent admissions can never overshoot beyond
 *    what admitted requests actually cost over their reservations.
 * 2. `settle` replaces a reservation by what the attempt actually cost (billed usage at the model's price; 0 when
 *    nothing was billed), counted at `nowMs` for the sliding hour. `release` drops a reservation that billed nothing.
 *    Both are idempotent per reservation id and never throw for an unknown id.
 * 3. `setLimits` applies to later reservations; lowering a limit below what is spent refuses every later request.
 * 4. `snapshot` is synchronous: a shared implementation returns its last-known figures.
 */
export interface SpendLimiter {
  /** Admits and reserves, or refuses. */
  reserve(request: SpendRequest): MaybePromise<SpendDecision>;
  /** Turns a reservation into spend of `usd` at `nowMs`. */
  settle(reservationId: string, usd: number, nowMs: number): MaybePromise<void>;
  /** Drops a reservation without spend. */
  release(reservationId: string): MaybePromise<void>;
  /** Changes the limits of later reservations. */
  setLimits(limits: SpendLimits): MaybePromise<void>;
  /** The current (or last-known) figures at `nowMs`. */
  snapshot(nowMs: number): SpendSnapshot;
}
