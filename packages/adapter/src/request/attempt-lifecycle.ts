import {
  type ChatResponse,
  parseRateLimitHeaders,
  RateLimitError,
  RetryExhaustedError,
  TimeoutError,
  type Transport,
  TransportHttpError,
  type TransportRole,
} from '@acpt/config';
import { describeErrorSafely } from '../diagnostics/redact.ts';
import { decideRetry, type RetryDecision } from '../retry/retry-decision.ts';
import { billedUsageOf, settleAttempt } from '../spend/spend-gate.ts';
import { modelOf, settleAdmission } from './admit-attempt.ts';
import type { RequestRun } from './request-run.ts';

/** Statuses that blame the request itself (not retryable): they neither open nor close the circuit. */
const requestShapeStatuses: ReadonlySet<number> = new Set([400, 413, 422]);

/** True for a non-retryable 400, 413 or 422: the request's own fault, not the endpoint's health. */
export function isRequestShapeError(error: unknown): boolean {
  return TransportHttpError.isInstance(error) && !error.retryable && requestShapeStatuses.has(error.status);
}

/** Counts an attempt and emits `attempt-start`; returns its start time. */
export function beginAttempt(run: RequestRun, role: TransportRole, transport: Transport): number {
  run.attempts++;
  const core = run.core;
  core.diagnostics.attempts++;
  const now = core.clock.now();
  core.concurrency.observeInFlight(core.diagnostics.inFlight);
  if (core.hub.has('attempt-start')) {
    core.hub.emit('attempt-start', {
      requestId: run.id,
      timestampMs: now,
      attempt: run.attempts,
      role,
      provider: transport.provider,
      batchId: run.batchId,
    });
  }
  return now;
}

/** Records a successful attempt: closes the breaker on live success, takes in rate-limit headers, emits `attempt-end`. */
export function attemptSucceeded(
  run: RequestRun,
  role: TransportRole,
  transport: Transport,
  startedAtMs: number,
  response: ChatResponse,
): void {
  const core = run.core;
  const now = core.clock.now();
  if (role === 'live') {
    core.breaker.recordSuccess(now);
    run.isProbe = false;
    settleAttempt(run, role, response.usage);
  }
  if (response.rateLimit !== undefined) core.observeRateLimit(response.rateLimit, role, modelOf(run));
  settleAdmission(run, role, { usedTokens: response.usage?.totalTokens });
  if (role === core.primaryRole()) core.concurrency.observeSuccess(now - startedAtMs, now);
  if (core.hub.has('attempt-end')) {
    core.hub.emit('attempt-end', {
      requestId: run.id,
      timestampMs: now,
      attempt: run.attempts,
      role,
      provider: transport.provider,
      durationMs: now - startedAtMs,
    });
  }
}

/**
 * Handles a failed attempt. Aborts (caller, deadline, cancel) rethrow the run's abort reason at once. Otherwise the
 * error is recorded and {@link decideRetry} decides: a stop throws a `RetryExhaustedError` carrying every attempt's
 * error (and remembered as the run's `stopError`); a retry emits `retry-scheduled`, waits, and returns.
 * Live failures feed the circuit breaker; an open breaker stops the retries with reason `circuit-open`.
 */
export async function attemptFailed(
  run: RequestRun,
  role: TransportRole,
  transport: Transport,
  startedAtMs: number,
  error: unknown,
  delivered: boolean,
): Promise<void> {
  const core = run.core;
  const now = core.clock.now();
  const aborted = run.signal.aborted;
  if (role === 'live') {
    settleAttempt(run, role, billedUsageOf(error));
    // A deadline that fired during a live attempt is the live path's slowness; a caller's abort, or a request the
    // endpoint rejected for its own shape, says nothing about the live path's health.
    if ((aborted && run.abortKind !== 'deadline') || (!aborted && isRequestShapeError(error))) {
      if (run.isProbe) core.breaker.releaseProbe();
    } else core.breaker.recordFailure(now);
    run.isProbe = false;
  }
  settleAdmission(run, role, { error });
  if (role === core.primaryRole()) observePushback(run, error, aborted, now);
  let decision: RetryDecision | undefined;
  if (!aborted) {
    run.errors.push(error);
    if (RateLimitError.isInstance(error)) {
      core.diagnostics.rateLimitsByKind[error.kind]++;
      const state = parseRateLimitHeaders(error.responseHeaders, now);
      if (state !== undefined) core.observeRateLimit(state, role, modelOf(run));
    }
    decision = decideRetry(error, {
      attempt: run.attempts,
      remainingMs: run.deadlineAtMs - now,
      delivered,
      settings: run.config.retry,
      random: core.random,
    });
    if (decision.retry && role === 'live' && core.breaker.state !== 'closed') {
      decision = { retry: false, reason: 'circuit-open' };
    }
  }
  emitAttemptError(run, role, transport, startedAtMs, aborted ? run.signal.reason : error, decision?.retry === true);
  if (decision === undefined) throw run.signal.reason;
  if (!decision.retry) {
    run.stopError = new RetryExhaustedError(decision.reason, [...run.errors]);
    throw run.stopError;
  }
  core.diagnostics.addRetry(decision.reason);
  if (core.hub.has('retry-scheduled')) {
    core.hub.emit('retry-scheduled', {
      requestId: run.id,
      timestampMs: now,
      nextAttempt: run.attempts + 1,
      delayMs: decision.delayMs,
      reason: decision.reason,
      delaySource: decision.delaySource,
    });
  }
  await waitOrAbort(run, decision.delayMs);
}

/** Tells the adaptive limit about an endpoint push-back: a `429 queue_exceeded` or a timed-out attempt. */
function observePushback(run: RequestRun, error: unknown, aborted: boolean, now: number): void {
  if (RateLimitError.isInstance(error) && error.kind === 'queue')
    run.core.concurrency.observePushback('queue_exceeded', now);
  else if (TimeoutError.isInstance(error) || (aborted && run.abortKind === 'deadline')) {
    run.core.concurrency.observePushback('timeout', now);
  }
}

/** Emits `attempt-error` (error redacted) for the current attempt. */
export function emitAttemptError(
  run: RequestRun,
  role: TransportRole,
  transport: Transport,
  startedAtMs: number,
  error: unknown,
  willRetry: boolean,
): void {
  const hub = run.core.hub;
  if (!hub.has('attempt-error')) return;
  const timestampMs = run.core.clock.now();
  hub.emit('attempt-error', {
    requestId: run.id,
    timestampMs,
    attempt: run.attempts,
    role,
    provider: transport.provider,
    durationMs: timestampMs - startedAtMs,
    error: describeErrorSafely(error, run.config.apiKey),
    willRetry,
  });
}

async function waitOrAbort(run: RequestRun, ms: number): Promise<void> {
  try {
    await run.core.sleep(ms, run.signal);
  } catch {
    throw run.signal.reason;
  }
  if (run.signal.aborted) throw run.signal.reason;
}
