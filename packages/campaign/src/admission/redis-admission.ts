import type {
  Admission,
  AdmissionRequest,
  AdmissionSettlement,
  AdmissionTicket,
  AdmissionVerdict,
  RateLimitState,
} from '@acpt/config';
import type { Redis } from 'ioredis';
import { luaScript, runScript } from '../redis/run-script.ts';
import { ADMIT_SCRIPT, OBSERVE_SCRIPT, SETTLE_SCRIPT } from './admission-scripts.ts';
import { describeWindow, limitArguments, observationArguments, type QuotaLimits } from './quota-limits.ts';

const admitScript = luaScript(ADMIT_SCRIPT);
const settleScript = luaScript(SETTLE_SCRIPT);
const observeScript = luaScript(OBSERVE_SCRIPT);

/** Options of {@link RedisAdmission}. */
export interface RedisAdmissionOptions {
  /** The ioredis client (owned by the caller; give it `maxRetriesPerRequest: null` to wait through reconnects). */
  readonly redis: Redis;
  /** The quota of the organisation per model; unset windows are learned from the response headers. */
  readonly quota?: QuotaLimits | ((model: string) => QuotaLimits);
  /** Key prefix; campaigns sharing one Cerebras organisation must share it. @defaultValue 'acpt:admission' */
  readonly prefix?: string;
  /** A reservation never settled (its process died) stops counting as in flight after this long. @defaultValue 600000 */
  readonly ticketTtlMs?: number;
  /** Longest wait told to a refused request while others are in flight (they may give tokens back). @defaultValue 200 */
  readonly pollMs?: number;
  /** Time source of the windows. @defaultValue Redis' own clock (`TIME`), one clock for every machine */
  readonly clock?: () => number;
  /** Called with errors of the fire-and-forget `observe`/`settle` calls. @defaultValue ignore */
  readonly onError?: (error: unknown) => void;
}

/** Counters of one model's shared budget, for `sweep status`. */
export interface AdmissionStats {
  readonly admitted: number;
  readonly refused: number;
  /** Reservations given back after a 429. */
  readonly rejected: number;
  /** Reservations never settled (expired). */
  readonly expired: number;
  /** Tokens really used, as reported by the responses. */
  readonly usedTokens: number;
  /** Attempts in flight now. */
  readonly inFlight: number;
}

/**
 * One Cerebras quota shared by every process and machine that uses the same Redis and prefix: an {@link Admission}
 * for the adapter (`createAdapter({ admission })`). Before each live attempt it atomically reserves one request and
 * the prompt estimate plus `max_completion_tokens` in every window (requests and tokens per minute, hour and day),
 * or says how long to wait; it gives back the unused part when the usage is known (all of it after a 429), and folds
 * in every response's `x-ratelimit-*` headers so the cluster follows the server's view. One Lua script per
 * operation; one Redis round trip per admission, settlement and observation.
 */
export class RedisAdmission implements Admission {
  readonly #redis: Redis;
  readonly #quota: (model: string) => QuotaLimits;
  readonly #prefix: string;
  readonly #ticketTtlMs: number;
  readonly #pollMs: number;
  readonly #clock: (() => number) | undefined;
  readonly #onError: (error: unknown) => void;
  readonly #pending = new Set<Promise<unknown>>();

  constructor(options: RedisAdmissionOptions) {
    this.#redis = options.redis;
    const quota = options.quota ?? {};
    this.#quota = typeof quota === 'function' ? quota : () => quota;
    this.#prefix = options.prefix ?? 'acpt:admission';
    this.#ticketTtlMs = options.ticketTtlMs ?? 600_000;
    this.#pollMs = options.pollMs ?? 200;
    this.#clock = options.clock;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Reserves the request's cost in every window of its model, or tells how long to wait. */
  async admit(request: AdmissionRequest): Promise<AdmissionVerdict> {
    const signal = request.signal;
    if (signal?.aborted === true) throw signal.reason;
    const tokens = Math.max(0, Math.ceil(request.tokens));
    const call = runScript(this.#redis, admitScript, this.#keys(request.model), [
      this.#now(),
      tokens,
      this.#ticketTtlMs,
      this.#pollMs,
      ...limitArguments(this.#quota(request.model)),
    ]).then((reply) => this.#verdictOf(reply, tokens, request.model));
    if (signal === undefined) return call;
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        reject(signal.reason);
        // The reservation may still be made: give it back once it is.
        void call.then(
          (verdict) => verdict.admit && verdict.ticket && this.settle(verdict.ticket, { charged: false }),
          () => undefined,
        );
      };
      signal.addEventListener('abort', onAbort, { once: true });
      call.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Folds a response's rate-limit headers into the shared windows of `model`. Never throws. */
  observe(state: RateLimitState, model: string): void {
    this.#track(
      runScript(this.#redis, observeScript, this.#keys(model), [this.#now(), ...observationArguments(state)]),
    );
  }

  /** Gives back the unused part of a reservation. Never throws. */
  settle(ticket: AdmissionTicket, settlement: AdmissionSettlement): void {
    this.#track(
      runScript(this.#redis, settleScript, this.#keys(ticket.model), [
        this.#now(),
        ticket.id,
        ticket.tokens,
        settlement.charged ? 1 : 0,
        settlement.usedTokens ?? -1,
      ]),
    );
  }

  /** Resolves once every `observe` and `settle` sent so far has been applied. */
  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  /** The shared counters of `model`. */
  async stats(model: string): Promise<AdmissionStats> {
    const values = await this.#redis.hmget(
      this.#keys(model)[0] as string,
      'stat:admitted',
      'stat:refused',
      'stat:rejected',
      'stat:expired',
      'stat:usedTokens',
      'inflight:r',
    );
    const [admitted, refused, rejected, expired, usedTokens, inFlight] = values.map((value) => Number(value ?? 0));
    return {
      admitted: admitted ?? 0,
      refused: refused ?? 0,
      rejected: rejected ?? 0,
      expired: expired ?? 0,
      usedTokens: usedTokens ?? 0,
      inFlight: inFlight ?? 0,
    };
  }

  #keys(model: string): [string, string] {
    const tag = `${this.#prefix}:{${model}}`;
    return [`${tag}:quota`, `${tag}:tickets`];
  }

  #now(): string {
    return this.#clock === undefined ? '' : String(Math.floor(this.#clock()));
  }

  #track(call: Promise<unknown>): void {
    const tracked = call.catch(this.#onError).finally(() => this.#pending.delete(tracked));
    this.#pending.add(tracked);
  }

  #verdictOf(reply: unknown, tokens: number, model: string): AdmissionVerdict {
    const [admitted, second, third, fourth] = reply as [number, number | string, number | string, number];
    if (admitted === 1) return { admit: true, ticket: { id: String(second), tokens, model } };
    const waitMs = Number(second);
    return {
      admit: false,
      waitMs: waitMs < 0 ? Number.POSITIVE_INFINITY : waitMs,
      neededTokens: tokens,
      remainingTokens: Math.max(0, Number(fourth)),
      window: describeWindow(String(third)),
    };
  }
}
