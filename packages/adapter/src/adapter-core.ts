import type { Admission, PriceResolver, RateLimitState, Transport, TransportRole } from '@acpt/config';
import type { BatchScheduler } from './batch/batch-scheduler.ts';
import type { CircuitBreaker } from './circuit/circuit-breaker.ts';
import type { ConcurrencyController } from './concurrency/concurrency-controller.ts';
import type { CostLedger } from './diagnostics/cost-ledger.ts';
import type { DiagnosticsCollector } from './diagnostics/diagnostics-collector.ts';
import type { EventHub } from './events/event-hub.ts';
import type { RequestRun } from './request/request-run.ts';
import type { SpendState } from './spend/spend-gate.ts';
import type { DeadlineQueue } from './timing/deadline-queue.ts';
import type { Clock, Sleep, Timers } from './timing/timers.ts';

/** The state one adapter shares with its requests. Internal. */
export interface AdapterCore {
  readonly hub: EventHub;
  readonly diagnostics: DiagnosticsCollector;
  readonly breaker: CircuitBreaker;
  readonly admission: Admission;
  readonly scheduler: BatchScheduler;
  /** Prices of models. */
  readonly prices: PriceResolver;
  /** Spend limiting. */
  readonly spend: SpendState;
  /** Cost totals and breakdowns. */
  readonly costs: CostLedger;
  /** The in-flight limit (fixed or adaptive). */
  readonly concurrency: ConcurrencyController;
  /** The path new requests take now: only its attempts steer the adaptive limit (not the fallback's). */
  primaryRole(): TransportRole;
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly timers: Timers;
  /** Every request's total deadline (one timer per distinct duration, not per request). */
  readonly deadlines: DeadlineQueue;
  /** The live transport, when one was given. */
  readonly live: Transport | undefined;
  /** The mock transport, when one was given. */
  readonly mock: Transport | undefined;
  /** Requests not yet settled. */
  readonly active: Set<RequestRun>;
  /** Takes in rate-limit headers from a response or an error; only the live path's feed token admission. */
  observeRateLimit(state: RateLimitState, role: TransportRole, model: string): void;
}
