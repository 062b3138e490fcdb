import type { SpendDecision, SpendLimiter, SpendLimits, SpendRequest, SpendSnapshot } from '@acpt/config';
import type { Redis } from 'ioredis';
import { luaScript, runScript } from '../redis/run-script.ts';
import { RELEASE_SPEND_SCRIPT, RESERVE_SCRIPT, SET_LIMITS_SCRIPT, SETTLE_SPEND_SCRIPT } from './spend-scripts.ts';

const reserveScript = luaScript(RESERVE_SCRIPT);
const settleScript = luaScript(SETTLE_SPEND_SCRIPT);
const releaseScript = luaScript(RELEASE_SPEND_SCRIPT);
const setLimitsScript = luaScript(SET_LIMITS_SCRIPT);

/** Options of {@link RedisSpendLimiter}. */
export interface RedisSpendLimiterOptions {
  /** The ioredis client (owned by the caller; `maxRetriesPerRequest: null` waits through reconnects). */
  readonly redis: Redis;
  /** The limit's name: every process using the same Redis and name shares one spend. @defaultValue 'default' */
  readonly name?: string;
  /** Key prefix. @defaultValue 'acpt:spend' */
  readonly prefix?: string;
  /** A reservation never settled (its process died) counts as spent at its full amount after this long. @defaultValue 600000 */
  readonly reservationTtlMs?: number;
  /** Time source of the sliding hour. @defaultValue Redis' own clock, one clock for every machine */
  readonly clock?: () => number;
}

/**
 * One spend limit for a whole cluster: the `SpendLimiter` of `@acpt/config` on Redis, for `createAdapter({
 * spendLimiter })`. Reservation, settlement, release and limit changes are one Lua script each, atomic on Redis, so
 * every process and machine sees one total and one sliding hour: a reservation is admitted only while settled spend
 * + open reservations + the request's worst case stays within both limits. A reservation whose process died counts
 * as spent at its full amount once it expires (it may have been billed). `snapshot()` is synchronous and returns the
 * figures of the last operation (the contract allows last-known figures for a shared limiter).
 */
export class RedisSpendLimiter implements SpendLimiter {
  readonly #redis: Redis;
  readonly #keys: string[];
  readonly #ttlMs: number;
  readonly #clock: (() => number) | undefined;
  #last: SpendSnapshot = { limits: {}, spentUsd: 0, spentLastHourUsd: 0, reservedUsd: 0, openReservations: 0 };

  constructor(options: RedisSpendLimiterOptions) {
    this.#redis = options.redis;
    const tag = `${options.prefix ?? 'acpt:spend'}:{${options.name ?? 'default'}}`;
    this.#keys = [`${tag}:state`, `${tag}:open`, `${tag}:hour`, `${tag}:expiry`];
    this.#ttlMs = options.reservationTtlMs ?? 600_000;
    this.#clock = options.clock;
  }

  async reserve(request: SpendRequest): Promise<SpendDecision> {
    const reply = (await this.#run(reserveScript, [String(request.usd), String(this.#ttlMs)])) as (string | number)[];
    if (Number(reply[0]) === 1) {
      this.#remember(reply.slice(2));
      return { admitted: true, reservationId: String(reply[1]) };
    }
    this.#remember(reply.slice(4));
    return {
      admitted: false,
      limit: reply[1] === 'hourly' ? 'hourly' : 'total',
      limitUsd: Number(reply[2]),
      spentUsd: Number(reply[3]),
      reservedUsd: this.#last.reservedUsd,
      requestedUsd: request.usd,
    };
  }

  /** Turns a reservation into spend. The sliding hour runs on Redis' clock (one clock for every machine), not `nowMs`. */
  async settle(reservationId: string, usd: number, _nowMs?: number): Promise<void> {
    this.#remember((await this.#run(settleScript, [reservationId, String(Math.max(0, usd))])) as (string | number)[]);
  }

  async release(reservationId: string): Promise<void> {
    this.#remember((await this.#run(releaseScript, [reservationId])) as (string | number)[]);
  }

  async setLimits(limits: SpendLimits): Promise<void> {
    const text = (value: number | undefined): string => (value === undefined ? '' : String(value));
    this.#remember(
      (await this.#run(setLimitsScript, [text(limits.maxUsd), text(limits.maxUsdPerHour)])) as (string | number)[],
    );
  }

  /** The figures of the last operation of this process (spend of other processes shows after its next operation). */
  snapshot(): SpendSnapshot {
    return this.#last;
  }

  #run(script: ReturnType<typeof luaScript>, args: readonly string[]): Promise<unknown> {
    const now = this.#clock === undefined ? '' : String(Math.floor(this.#clock()));
    return runScript(this.#redis, script, this.#keys, [now, ...args]);
  }

  #remember(values: readonly (string | number)[]): void {
    const [spent, reserved, hour, open, total, hourly] = values;
    const limits: { maxUsd?: number; maxUsdPerHour?: number } = {};
    if (total !== undefined && total !== '') limits.maxUsd = Number(total);
    if (hourly !== undefined && hourly !== '') limits.maxUsdPerHour = Number(hourly);
    this.#last = {
      limits,
      spentUsd: Number(spent ?? 0),
      spentLastHourUsd: Number(hour ?? 0),
      reservedUsd: Number(reserved ?? 0),
      openReservations: Number(open ?? 0),
    };
  }
}
