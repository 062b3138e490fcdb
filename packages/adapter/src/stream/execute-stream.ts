import {
  AbortedError,
  type ChatResponse,
  type ChatStreamEvent,
  CircuitOpenError,
  type FallbackReason,
  type StreamDeltaMode,
  type ToolCall,
  type Transport,
  type TransportRole,
  TruncatedStreamError,
} from '@acpt/config';
import type { AdapterStreamEvent } from '../adapter-types.ts';
import { admitTokens } from '../request/admit-attempt.ts';
import { attemptFailed, attemptSucceeded, beginAttempt } from '../request/attempt-lifecycle.ts';
import {
  executeComplete,
  fallbackFailed,
  fallbackReasonFor,
  rejectionFor,
  startFallback,
} from '../request/execute-complete.ts';
import type { RequestRun } from '../request/request-run.ts';
import { admitSpend } from '../spend/spend-gate.ts';

type PassedEvent = Exclude<ChatStreamEvent, { type: 'finish' }>;

/**
 * Runs a streamed request: deltas and tool calls as they arrive (grouped per read unless `deltas` is `per-token`),
 * then one `finish`. An attempt is retried only while no delta has
 * reached the caller; after that a failure rejects (the fallback never splices another answer onto a partial one).
 * When `config.streaming` is false the request is made whole and its text yielded once. Breaking out of the
 * iteration aborts the request (outcome `aborted`). The slot is given back before the final `response` is yielded,
 * so an abandoned iterator holds nothing.
 */
export async function* executeStream(
  run: RequestRun,
  deltas: StreamDeltaMode = 'coalesced',
): AsyncGenerator<AdapterStreamEvent, void, undefined> {
  try {
    if (run.signal.aborted) throw run.signal.reason;
    const scheduler = run.core.scheduler;
    if (!scheduler.tryAcquire(run)) await scheduler.enqueue(run);
    if (!run.config.streaming) {
      const whole = await executeComplete(run);
      yield* wholeEvents(whole);
      yield { type: 'finish', response: whole };
      return;
    }
    const response = yield* serveStream(run, deltas);
    if (run.signal.aborted) throw run.signal.reason;
    const result = run.finish(response);
    run.release();
    yield { type: 'finish', response: result };
  } catch (error) {
    throw run.fail(error);
  } finally {
    if (!run.settled) {
      const reason = new AbortedError('The stream consumer stopped iterating before the response');
      run.abort('caller', reason);
      run.fail(reason);
    }
    run.release();
  }
}

async function* serveStream(
  run: RequestRun,
  deltas: StreamDeltaMode,
): AsyncGenerator<AdapterStreamEvent, ChatResponse, undefined> {
  const core = run.core;
  if (run.route === 'mock') {
    try {
      return yield* streamLoop(run, core.mock as Transport, 'mock', deltas);
    } catch (error) {
      throw rejectionFor(run, error);
    }
  }
  if (run.route === 'no-key') return yield* streamFallback(run, 'no_api_key', deltas);
  const breaker = core.breaker;
  if (!breaker.tryPass(core.clock.now())) {
    if (run.config.fallback === 'mock' && core.mock !== undefined) {
      return yield* streamFallback(run, 'circuit_open', deltas);
    }
    throw new CircuitOpenError(breaker.retryAtMs);
  }
  run.isProbe = breaker.state === 'half-open';
  try {
    return yield* streamLoop(run, core.live as Transport, 'live', deltas);
  } catch (error) {
    const reason = fallbackReasonFor(run, error);
    if (reason === undefined || run.deltaCount > 0) throw rejectionFor(run, error);
    return yield* streamFallback(run, reason, deltas);
  }
}

async function* streamLoop(
  run: RequestRun,
  transport: Transport,
  role: TransportRole,
  deltas: StreamDeltaMode,
): AsyncGenerator<AdapterStreamEvent, ChatResponse, undefined> {
  for (;;) {
    if (role === 'live') {
      // Spend first: a refusal then leaves no token-admission ticket behind.
      if (run.core.spend.active) {
        const pending = admitSpend(run);
        if (pending !== undefined) await pending;
      }
      if (run.core.admission.tracking !== false) await admitTokens(run);
    }
    const startedAtMs = beginAttempt(run, role, transport);
    const deliveredBefore = run.deltaCount;
    try {
      return yield* relay(run, transport, role, startedAtMs, deltas);
    } catch (error) {
      if (run.settled) throw error;
      await attemptFailed(run, role, transport, startedAtMs, error, run.deltaCount > deliveredBefore);
    }
  }
}

async function* streamFallback(
  run: RequestRun,
  reason: FallbackReason,
  deltas: StreamDeltaMode,
): AsyncGenerator<AdapterStreamEvent, ChatResponse, undefined> {
  const mock = startFallback(run, reason);
  const startedAtMs = beginAttempt(run, 'mock', mock);
  try {
    return yield* relay(run, mock, 'mock', startedAtMs, deltas);
  } catch (error) {
    if (run.settled) throw error;
    throw fallbackFailed(run, mock, startedAtMs, error);
  }
}

/** Passes one transport stream's deltas to the caller; returns its response or throws `TruncatedStreamError`. */
async function* relay(
  run: RequestRun,
  transport: Transport,
  role: TransportRole,
  startedAtMs: number,
  deltas: StreamDeltaMode,
): AsyncGenerator<AdapterStreamEvent, ChatResponse, undefined> {
  let delivered = false;
  for await (const event of transport.stream(run.request, { signal: run.signal, deltas })) {
    switch (event.type) {
      case 'finish':
        attemptSucceeded(run, role, transport, startedAtMs, event.response);
        return event.response;
      case 'tool-call':
        break;
      case 'tool-call-delta':
        delivered = true;
        noteDelta(run);
        break;
      default:
        if (event.text === '') continue;
        delivered = true;
        noteDelta(run);
    }
    run.yielding = true;
    yield event as PassedEvent;
    run.yielding = false;
    if (run.settled) throw run.signal.reason;
  }
  if (run.signal.aborted) throw run.signal.reason;
  throw new TruncatedStreamError({ deliveredContent: delivered });
}

/** The events of a response made whole (`config.streaming` false): one delta per part, then its tool calls. */
function* wholeEvents(response: ChatResponse): Generator<PassedEvent, void, undefined> {
  if (response.reasoning !== undefined && response.reasoning !== '')
    yield { type: 'reasoning-delta', text: response.reasoning };
  if (response.text !== '') yield { type: 'text-delta', text: response.text };
  const toolCalls = response.toolCalls ?? [];
  for (let index = 0; index < toolCalls.length; index++) {
    const toolCall = toolCalls[index] as ToolCall;
    const { name, arguments: argumentsDelta } = toolCall.function;
    yield { type: 'tool-call-delta', index, id: toolCall.id, name, argumentsDelta };
    yield { type: 'tool-call', index, toolCall };
  }
}

/**
 * Emits `first-token` (and records time to first token) or `stream-chunk` for a delta reaching the caller: one per
 * iterator step, so with coalesced deltas one per read that brought content.
 */
function noteDelta(run: RequestRun): void {
  const core = run.core;
  const now = core.clock.now();
  const index = run.deltaCount++;
  if (index === 0) {
    const timeToFirstTokenMs = now - run.startMs;
    core.diagnostics.timeToFirstToken.record(timeToFirstTokenMs);
    if (core.hub.has('first-token')) {
      core.hub.emit('first-token', { requestId: run.id, timestampMs: now, timeToFirstTokenMs });
    }
  } else if (core.hub.has('stream-chunk')) {
    core.hub.emit('stream-chunk', {
      requestId: run.id,
      timestampMs: now,
      index,
      sincePreviousMs: now - run.lastDeltaAtMs,
    });
  }
  run.lastDeltaAtMs = now;
}
