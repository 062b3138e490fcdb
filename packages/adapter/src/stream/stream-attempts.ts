import { CircuitOpenError, type FallbackReason, type Transport, type TransportRole } from '@acpt/config';
import { admitTokens } from '../request/admit-attempt.ts';
import { attemptFailed, beginAttempt } from '../request/attempt-lifecycle.ts';
import { fallbackFailed, fallbackReasonFor, rejectionFor, startFallback } from '../request/execute-complete.ts';
import type { RequestRun } from '../request/request-run.ts';
import { admitSpend } from '../spend/spend-gate.ts';

/**
 * One attempt of a stream. `phase` says what its failure leads to: `mock-route` (mock mode: retries, then the
 * rejection), `live` (retries, then the fallback when allowed and nothing was delivered), `fallback` (the rejection).
 */
export interface StreamAttempt {
  readonly transport: Transport;
  readonly role: TransportRole;
  readonly phase: 'mock-route' | 'live' | 'fallback';
  readonly startedAtMs: number;
}

/** Admits a live attempt (spend first, so a refusal leaves no token-admission ticket behind), then begins it. */
async function admitAndBegin(
  run: RequestRun,
  transport: Transport,
  role: TransportRole,
  phase: StreamAttempt['phase'],
): Promise<StreamAttempt> {
  if (role === 'live') {
    const core = run.core;
    if (core.spend.active) {
      const pending = admitSpend(run);
      if (pending !== undefined) await pending;
    }
    if (core.admission.tracking !== false) await admitTokens(run);
  }
  return { transport, role, phase, startedAtMs: beginAttempt(run, role, transport) };
}

function beginFallback(run: RequestRun, reason: FallbackReason): StreamAttempt {
  const mock = startFallback(run, reason);
  return { transport: mock, role: 'mock', phase: 'fallback', startedAtMs: beginAttempt(run, 'mock', mock) };
}

/** A live failure that ended the retries: the fallback when allowed and nothing reached the caller, else the rejection. */
function afterLive(run: RequestRun, error: unknown): StreamAttempt {
  const reason = fallbackReasonFor(run, error);
  if (reason === undefined || run.deltaCount > 0) throw rejectionFor(run, error);
  return beginFallback(run, reason);
}

/** The first attempt of a stream by route: mock mode, the fallback without a key, or live behind the breaker. */
export async function firstStreamAttempt(run: RequestRun): Promise<StreamAttempt> {
  const core = run.core;
  if (run.route === 'mock') {
    try {
      return await admitAndBegin(run, core.mock as Transport, 'mock', 'mock-route');
    } catch (error) {
      throw rejectionFor(run, error);
    }
  }
  if (run.route === 'no-key') return beginFallback(run, 'no_api_key');
  const breaker = core.breaker;
  if (!breaker.tryPass(core.clock.now())) {
    if (run.config.fallback === 'mock' && core.mock !== undefined) return beginFallback(run, 'circuit_open');
    throw new CircuitOpenError(breaker.retryAtMs);
  }
  run.isProbe = breaker.state === 'half-open';
  try {
    return await admitAndBegin(run, core.live as Transport, 'live', 'live');
  } catch (error) {
    return afterLive(run, error);
  }
}

/**
 * What follows a failed attempt: the next attempt (a retry after its backoff, or the fallback), or a throw of the
 * request's rejection. An attempt is retried only while no delta of it reached the caller (`delivered`).
 */
export async function nextStreamAttempt(
  run: RequestRun,
  attempt: StreamAttempt,
  error: unknown,
  delivered: boolean,
): Promise<StreamAttempt> {
  if (attempt.phase === 'fallback') {
    if (run.settled) throw error;
    throw fallbackFailed(run, attempt.transport, attempt.startedAtMs, error);
  }
  try {
    if (run.settled) throw error;
    await attemptFailed(run, attempt.role, attempt.transport, attempt.startedAtMs, error, delivered);
    return await admitAndBegin(run, attempt.transport, attempt.role, attempt.phase);
  } catch (final) {
    if (attempt.phase === 'mock-route') throw rejectionFor(run, final);
    return afterLive(run, final);
  }
}
