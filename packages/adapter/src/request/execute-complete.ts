import {
  type ChatResponse,
  CircuitOpenError,
  FallbackExhaustedError,
  type FallbackReason,
  type RetryExhaustedError,
  SpendLimitError,
  type Transport,
  type TransportRole,
} from '@acpt/config';
import type { AdapterResponse } from '../adapter-types.ts';
import { admitSpend } from '../spend/spend-gate.ts';
import { admitTokens } from './admit-attempt.ts';
import { attemptFailed, attemptSucceeded, beginAttempt, emitAttemptError } from './attempt-lifecycle.ts';
import { configurationFailureOf } from './configuration-failure.ts';
import type { RequestRun } from './request-run.ts';

/** Runs a dispatched (slot-holding) request to settlement and returns what its caller gets. */
export async function executeComplete(run: RequestRun): Promise<AdapterResponse> {
  try {
    let response: ChatResponse;
    try {
      response = await servePrimary(run);
    } catch (error) {
      const reason = fallbackReasonFor(run, error);
      if (reason === undefined) throw rejectionFor(run, error);
      response = await fallback(run, reason);
    }
    if (run.signal.aborted) throw run.signal.reason;
    return run.finish(response);
  } catch (error) {
    throw run.fail(error);
  } finally {
    run.release();
  }
}

/**
 * Starts the request on its path (not an async function: one promise layer less on the hot path): the mock in mock
 * mode, the fallback without a key, else the live path behind the circuit breaker. Failures that the fallback policy
 * may take over are handled by the caller, {@link executeComplete}.
 */
function servePrimary(run: RequestRun): Promise<ChatResponse> {
  if (run.signal.aborted) throw run.signal.reason;
  const core = run.core;
  if (run.route === 'mock') return attemptLoop(run, core.mock as Transport, 'mock');
  if (run.route === 'no-key') return fallback(run, 'no_api_key');
  const breaker = core.breaker;
  // A closed breaker passes without reading the clock (the common case).
  if (breaker.state !== 'closed' && !breaker.tryPass(core.clock.now())) {
    if (run.config.fallback === 'mock' && core.mock !== undefined) return fallback(run, 'circuit_open');
    throw new CircuitOpenError(breaker.retryAtMs);
  }
  run.isProbe = breaker.state === 'half-open';
  return attemptLoop(run, core.live as Transport, 'live');
}

/**
 * The fallback reason when the policy sends a failed live request to the mock; `undefined` when it must throw.
 * Never in mock mode (there is no live path to fall back from). A configuration failure (401, 402, 403, 404, 400,
 * 413, 422) falls back only when `fallbackOn` names its kind, with reason `configuration_error`; either way it is
 * recorded in diagnostics and announced once.
 */
export function fallbackReasonFor(run: RequestRun, error: unknown): FallbackReason | undefined {
  if (error !== run.stopError || run.route !== 'live') return undefined;
  const canFallBack = run.config.fallback === 'mock' && run.core.mock !== undefined;
  const failure = configurationFailureOf(error);
  if (failure !== undefined) {
    const fallBack = canFallBack && run.config.fallbackOn?.[failure.kind] === true;
    const core = run.core;
    core.diagnostics.configurationFailures.record(failure, fallBack, core.clock.now(), run.config.apiKey);
    return fallBack ? 'configuration_error' : undefined;
  }
  if (!canFallBack) return undefined;
  if (SpendLimitError.isInstance(error)) return 'spend_limit';
  const reason = (error as RetryExhaustedError).reason;
  if (reason === 'stream-already-delivered') return undefined;
  if (reason === 'circuit-open') return 'circuit_open';
  return reason === 'token-budget-exceeds-deadline' ? 'token_budget' : 'retries_exhausted';
}

/**
 * The error a request rejects with when nothing falls back: a request stopped at once by a non-retryable error
 * rejects with that typed error itself when it is a configuration failure or comes from the mock in mock mode (no
 * `RetryExhaustedError` wrapper around a single attempt); anything else as it is.
 */
export function rejectionFor(run: RequestRun, error: unknown): unknown {
  if (error !== run.stopError || (error as RetryExhaustedError).reason !== 'not-retryable') return error;
  if (run.route === 'mock' || configurationFailureOf(error) !== undefined)
    return (error as RetryExhaustedError).lastError;
  return error;
}

/** Attempts on one path until success, a stop decision or an abort. */
async function attemptLoop(run: RequestRun, transport: Transport, role: TransportRole): Promise<ChatResponse> {
  for (;;) {
    if (role === 'live') {
      // Spend first: a refusal then leaves no token-admission ticket behind.
      if (run.core.spend.active) {
        const pending = admitSpend(run);
        if (pending !== undefined) await pending;
      }
      const admitting = admitTokens(run);
      if (admitting !== undefined) await admitting;
    }
    const startedAtMs = beginAttempt(run, role, transport);
    try {
      const response = await transport.complete(run.request, { signal: run.signal });
      attemptSucceeded(run, role, transport, startedAtMs, response);
      return response;
    } catch (error) {
      await attemptFailed(run, role, transport, startedAtMs, error, false);
    }
  }
}

/** Emits `fallback-start` and counts it; shared by complete and stream fallbacks. */
export function startFallback(run: RequestRun, reason: FallbackReason): Transport {
  run.fallbackReason = reason;
  const core = run.core;
  core.diagnostics.fallbacksByReason[reason]++;
  const mock = core.mock as Transport;
  if (core.hub.has('fallback-start')) {
    core.hub.emit('fallback-start', {
      requestId: run.id,
      timestampMs: core.clock.now(),
      reason,
      provider: mock.provider,
    });
  }
  return mock;
}

/** One call to the mock fallback; its failure rejects with `FallbackExhaustedError` carrying every error. */
async function fallback(run: RequestRun, reason: FallbackReason): Promise<ChatResponse> {
  const mock = startFallback(run, reason);
  const startedAtMs = beginAttempt(run, 'mock', mock);
  try {
    const response = await mock.complete(run.request, { signal: run.signal });
    attemptSucceeded(run, 'mock', mock, startedAtMs, response);
    return response;
  } catch (error) {
    throw fallbackFailed(run, mock, startedAtMs, error);
  }
}

/** Records a failed fallback call and returns the error to reject with. */
export function fallbackFailed(run: RequestRun, mock: Transport, startedAtMs: number, error: unknown): unknown {
  const aborted = run.signal.aborted;
  emitAttemptError(run, 'mock', mock, startedAtMs, aborted ? run.signal.reason : error, false);
  if (aborted) return run.signal.reason;
  const lastLive = run.errors.at(-1);
  run.errors.push(error);
  const live = lastLive === undefined ? '' : ` (last live error: ${messageOf(lastLive)})`;
  return new FallbackExhaustedError([...run.errors], {
    message: `The live path failed${live} and the mock fallback (${run.fallbackReason}) failed too: ${messageOf(error)}`,
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
