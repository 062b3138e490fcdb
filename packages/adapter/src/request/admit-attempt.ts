import {
  type AdmissionVerdict,
  estimatePromptTokens,
  RateLimitError,
  RetryExhaustedError,
  type TransportRole,
} from '@acpt/config';
import type { RequestRun } from './request-run.ts';

/**
 * Admission before a live attempt (the injected `Admission`, by default in-process token admission): reserves the
 * prompt estimate plus `max_completion_tokens`, waits while admission refuses, or stops at once (reason
 * `token-budget-exceeds-deadline`) when the wait would not fit in the request's deadline. The reservation is kept on
 * the run until {@link settleAdmission}. Returns `undefined` when a synchronous admission admitted at once (the common
 * case: no promise, no microtask), else a promise of the admission.
 */
export function admitTokens(run: RequestRun): Promise<void> | undefined {
  const core = run.core;
  if (core.admission.tracking === false) return undefined;
  const needed = estimatePromptTokens(run.request.messages) + (run.request.maxCompletionTokens ?? 0);
  const model = modelOf(run);
  const now = core.clock.now();
  const first = core.admission.admit({ tokens: needed, model, nowMs: now, signal: run.signal });
  if (!(first instanceof Promise) && first.admit && !run.signal.aborted) {
    run.admissionTicket = first.ticket;
    return undefined;
  }
  return admitWaiting(run, needed, model, first, now);
}

async function admitWaiting(
  run: RequestRun,
  needed: number,
  model: string,
  first: AdmissionVerdict | Promise<AdmissionVerdict>,
  firstNow: number,
): Promise<void> {
  const core = run.core;
  let pending = first;
  let now = firstNow;
  for (;;) {
    const verdict = await verdictOf(run, pending);
    if (verdict.admit) {
      run.admissionTicket = verdict.ticket;
      return;
    }
    if (verdict.waitMs >= run.deadlineAtMs - now) {
      const window = verdict.window === undefined ? '' : ` (${verdict.window})`;
      const why = Number.isFinite(verdict.waitMs)
        ? `the reset in ${Math.ceil(verdict.waitMs)} ms does not fit in its deadline`
        : 'it can never fit in that window';
      run.stopError = new RetryExhaustedError('token-budget-exceeds-deadline', [...run.errors], {
        message:
          `Token budget admission: the request needs about ${needed} tokens, ${verdict.remainingTokens} remain in ` +
          `the binding window${window}, and ${why}`,
      });
      throw run.stopError;
    }
    core.diagnostics.admissionWaits++;
    core.diagnostics.addRetry('token_budget');
    if (core.hub.has('retry-scheduled')) {
      core.hub.emit('retry-scheduled', {
        requestId: run.id,
        timestampMs: now,
        nextAttempt: run.attempts + 1,
        delayMs: verdict.waitMs,
        reason: 'token_budget',
        delaySource: 'rate-limit-admission',
      });
    }
    try {
      await core.sleep(verdict.waitMs, run.signal);
    } catch {
      throw run.signal.reason;
    }
    if (run.signal.aborted) throw run.signal.reason;
    now = core.clock.now();
    pending = core.admission.admit({ tokens: needed, model, nowMs: now, signal: run.signal });
  }
}

async function verdictOf(
  run: RequestRun,
  pending: AdmissionVerdict | Promise<AdmissionVerdict>,
): Promise<AdmissionVerdict> {
  let verdict: AdmissionVerdict;
  try {
    verdict = pending instanceof Promise ? await pending : pending;
  } catch (error) {
    throw run.signal.aborted ? run.signal.reason : error;
  }
  if (run.signal.aborted) {
    if (verdict.admit && verdict.ticket !== undefined) run.core.admission.settle?.(verdict.ticket, { charged: false });
    throw run.signal.reason;
  }
  return verdict;
}

/**
 * Settles the run's reservation of its last live attempt: on success with the tokens it used, on a 429 (refused
 * before admission) as not charged, on any other failure as charged with unknown usage (the reservation stays).
 */
export function settleAdmission(
  run: RequestRun,
  role: TransportRole,
  outcome: { usedTokens?: number; error?: unknown },
): void {
  const ticket = run.admissionTicket;
  if (role !== 'live' || ticket === undefined) return;
  run.admissionTicket = undefined;
  const charged = outcome.error === undefined || !RateLimitError.isInstance(outcome.error);
  run.core.admission.settle?.(ticket, charged ? { charged, usedTokens: outcome.usedTokens } : { charged });
}

/** The model a run's request goes to. */
export function modelOf(run: RequestRun): string {
  return run.request.model ?? run.config.model;
}
