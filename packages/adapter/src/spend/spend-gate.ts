import {
  type Cost,
  estimatePromptTokens,
  mockCost,
  type ResolvedPrice,
  type SpendDecision,
  SpendLimitError,
  type SpendLimiter,
  type SpendLimitKind,
  type SpendRefusal,
  type TransportRole,
  UNPRICED_COST,
  type Usage,
  usdForTokens,
  usdForUsage,
} from '@acpt/config';
import type { RequestRun } from '../request/request-run.ts';

/** The adapter's spend limiter and what it refused. Internal. */
export interface SpendState {
  readonly limiter: SpendLimiter;
  /** Whether admission consults the limiter: a limit is configured, or a limiter was injected. */
  active: boolean;
  /** Refused attempts by limit. */
  readonly refused: Record<SpendLimitKind, number>;
}

function isPromise<TValue>(value: TValue | Promise<TValue>): value is Promise<TValue> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** The price of a run's model, looked up once per run (`undefined`: the model has no price). */
export function priceOfRun(run: RequestRun): ResolvedPrice | undefined {
  if (run.price === undefined) run.price = run.core.prices.priceOf(run.model) ?? null;
  return run.price ?? undefined;
}

/**
 * Spend admission before a live attempt: reserves the attempt's worst case (prompt estimate plus
 * `max_completion_tokens` at the model's price) or refuses it with `SpendLimitError`, remembered as the run's stop
 * decision so that the fallback policy can take over with reason `spend_limit`. Returns a promise only when the
 * limiter answers asynchronously. A model without a price is refused while a limit is active.
 */
export function admitSpend(run: RequestRun): Promise<void> | undefined {
  const spend = run.core.spend;
  const price = priceOfRun(run);
  if (price === undefined) {
    refuse(run, { admitted: false, limit: 'unpriced', limitUsd: 0, spentUsd: 0, reservedUsd: 0, requestedUsd: 0 });
  }
  const request = run.request;
  const completionTokens = request.maxCompletionTokens ?? run.config.maxCompletionTokens;
  const usd = usdForTokens(estimatePromptTokens(request.messages), completionTokens, price as ResolvedPrice);
  const answer = spend.limiter.reserve({ requestId: run.id, model: run.model, usd, nowMs: run.core.clock.now() });
  if (!isPromise(answer)) {
    admitted(run, answer);
    return undefined;
  }
  return answer.then((decision) => admitted(run, decision));
}

function admitted(run: RequestRun, decision: SpendDecision): void {
  if (!decision.admitted) refuse(run, decision);
  run.reservationId = decision.reservationId;
  if (run.signal.aborted) {
    closeReservation(run, 0);
    throw run.signal.reason;
  }
}

function refuse(run: RequestRun, refusal: SpendRefusal): never {
  const core = run.core;
  core.spend.refused[refusal.limit]++;
  const fallback = run.config.fallback === 'mock' && core.mock !== undefined && run.deltaCount === 0;
  if (core.hub.has('spend-limit')) {
    core.hub.emit('spend-limit', {
      requestId: run.id,
      timestampMs: core.clock.now(),
      model: run.model,
      refusal,
      action: fallback ? 'fallback' : 'reject',
    });
  }
  run.stopError = new SpendLimitError(refusal, run.model, { cause: run.errors.at(-1) });
  throw run.stopError;
}

/**
 * Books a finished live attempt: adds what it billed (its usage at the model's price, none when it billed nothing)
 * to the run, and settles or releases its reservation.
 */
export function settleAttempt(run: RequestRun, role: TransportRole, usage: Usage | undefined): void {
  if (role !== 'live') return;
  let usd = 0;
  if (usage !== undefined) {
    const price = priceOfRun(run);
    if (price === undefined) run.unpricedBilled = true;
    else {
      usd = usdForUsage(usage, price);
      run.billedUsd += usd;
    }
  }
  if (run.reservationId !== undefined) closeReservation(run, usd);
}

/** Settles (`usd` > 0) or releases the run's open reservation. */
export function closeReservation(run: RequestRun, usd: number): void {
  const id = run.reservationId;
  if (id === undefined) return;
  run.reservationId = undefined;
  const limiter = run.core.spend.limiter;
  const done = usd > 0 ? limiter.settle(id, usd, run.core.clock.now()) : limiter.release(id);
  if (isPromise(done)) done.catch(() => {});
}

/** The billed usage of a failed attempt, when its error carries one. */
export function billedUsageOf(error: unknown): Usage | undefined {
  return typeof error === 'object' && error !== null ? (error as { billedUsage?: Usage }).billedUsage : undefined;
}

/**
 * What a settled run cost: 0 for a failed request that billed nothing; for a mock answer 0 (plus whatever failed live
 * attempts billed) with the list-price estimate of its tokens; for a live answer the billed USD at the model's price,
 * `null` when the model has no price or the answer reported no usage.
 */
export function costOfRun(run: RequestRun, usage: Usage | undefined, served: 'live' | 'mock' | 'none'): Cost {
  const price = priceOfRun(run);
  if (served === 'none' && run.billedUsd === 0 && !run.unpricedBilled) {
    return { usd: 0, currency: 'USD', priced: true, source: price?.source ?? 'unpriced' };
  }
  if (served === 'mock') {
    const listPriceUsd = price === undefined ? null : usage === undefined ? 0 : usdForUsage(usage, price);
    const cost = mockCost(listPriceUsd);
    return run.billedUsd > 0 ? { ...cost, usd: run.billedUsd } : cost;
  }
  if (price === undefined || run.unpricedBilled) return UNPRICED_COST;
  const usd = served === 'live' && run.usageMissing ? null : run.billedUsd;
  return { usd, currency: 'USD', priced: true, source: price.source };
}
