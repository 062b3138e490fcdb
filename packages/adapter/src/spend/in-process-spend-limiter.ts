import type { SpendDecision, SpendLimiter, SpendLimits, SpendRequest, SpendSnapshot } from '@acpt/config';
import { SlidingHour } from './sliding-hour.ts';

/** The in-process {@link SpendLimiter}: every method answers synchronously. */
export interface InProcessSpendLimiter extends SpendLimiter {
  reserve(request: SpendRequest): SpendDecision;
  settle(reservationId: string, usd: number, nowMs: number): void;
  release(reservationId: string): void;
  setLimits(limits: SpendLimits): void;
}

/**
 * The adapter's default {@link SpendLimiter}: one process, synchronous, exact. A reservation is admitted only when
 * settled spend + open reservations + the request's worst case stays within `maxUsd` and, over the sliding hour,
 * within `maxUsdPerHour`. Memory is bounded by the open reservations (in-flight attempts) plus a fixed hour window.
 */
class LocalSpendLimiter implements InProcessSpendLimiter {
  #limits: SpendLimits;
  #spentUsd = 0;
  #reservedUsd = 0;
  #counter = 0;
  readonly #open = new Map<string, number>();
  readonly #hour = new SlidingHour();

  constructor(limits: SpendLimits) {
    this.#limits = { ...limits };
  }

  reserve(request: SpendRequest): SpendDecision {
    const { maxUsd, maxUsdPerHour } = this.#limits;
    const reservedUsd = this.#reservedUsd;
    const requestedUsd = request.usd;
    if (maxUsd !== undefined && this.#spentUsd + reservedUsd + requestedUsd > maxUsd) {
      return { admitted: false, limit: 'total', limitUsd: maxUsd, spentUsd: this.#spentUsd, reservedUsd, requestedUsd };
    }
    if (maxUsdPerHour !== undefined) {
      const spentUsd = this.#hour.total(request.nowMs);
      if (spentUsd + reservedUsd + requestedUsd > maxUsdPerHour) {
        return { admitted: false, limit: 'hourly', limitUsd: maxUsdPerHour, spentUsd, reservedUsd, requestedUsd };
      }
    }
    const reservationId = `spend-${++this.#counter}`;
    this.#open.set(reservationId, requestedUsd);
    this.#reservedUsd = reservedUsd + requestedUsd;
    return { admitted: true, reservationId };
  }

  settle(reservationId: string, usd: number, nowMs: number): void {
    if (!this.#close(reservationId)) return;
    if (!(usd > 0)) return;
    this.#spentUsd += usd;
    this.#hour.add(nowMs, usd);
  }

  release(reservationId: string): void {
    this.#close(reservationId);
  }

  setLimits(limits: SpendLimits): void {
    this.#limits = { ...limits };
  }

  snapshot(nowMs: number): SpendSnapshot {
    return {
      limits: { ...this.#limits },
      spentUsd: this.#spentUsd,
      spentLastHourUsd: this.#hour.total(nowMs),
      reservedUsd: this.#reservedUsd,
      openReservations: this.#open.size,
    };
  }

  #close(reservationId: string): boolean {
    const usd = this.#open.get(reservationId);
    if (usd === undefined) return false;
    this.#open.delete(reservationId);
    // Reset exactly when nothing is open, so floating-point drift never accumulates.
    this.#reservedUsd = this.#open.size === 0 ? 0 : this.#reservedUsd - usd;
    return true;
  }
}

/**
 * Creates the in-process spend limiter the adapter uses by default (from `config.spend`). Inject another
 * implementation of `SpendLimiter` (e.g. one backed by Redis) through `AdapterOptions.spendLimiter` to share one
 * limit between processes.
 *
 * @example
 * ```ts
 * const limiter = createSpendLimiter({ maxUsd: 25, maxUsdPerHour: 5 });
 * const decision = limiter.reserve({ requestId: 'r1', model: 'gpt-oss-120b', usd: 0.0008, nowMs: Date.now() });
 * if (decision.admitted) limiter.settle(decision.reservationId, 0.0003, Date.now());
 * ```
 */
export function createSpendLimiter(limits: SpendLimits = {}): InProcessSpendLimiter {
  return new LocalSpendLimiter(limits);
}
