import {
  AbortedError,
  type ChatResponse,
  type ChatStreamEvent,
  type StreamDeltaMode,
  type ToolCall,
  TruncatedStreamError,
} from '@acpt/config';
import type { AdapterStreamEvent } from '../adapter-types.ts';
import { attemptSucceeded } from '../request/attempt-lifecycle.ts';
import { executeComplete } from '../request/execute-complete.ts';
import type { RequestRun } from '../request/request-run.ts';
import { firstStreamAttempt, nextStreamAttempt, type StreamAttempt } from './stream-attempts.ts';

type PassedEvent = Exclude<ChatStreamEvent, { type: 'finish' }>;

/**
 * Runs a streamed request: deltas and tool calls as they arrive (grouped per read unless `deltas` is `per-token`),
 * then one `finish`. The run is created at the first `next()`. An attempt is retried only while no delta has reached
 * the caller; after that a failure rejects (the fallback never splices another answer onto a partial one). When
 * `config.streaming` is false the request is made whole and its text yielded once. Breaking out of the iteration
 * aborts the request (outcome `aborted`). The slot is given back before the final `response` is yielded, so an
 * abandoned iterator holds nothing. One generator relays every attempt's events (the attempt decisions are plain
 * async functions), so an event crosses one generator between the transport and the caller.
 */
export async function* executeStream(
  createRun: () => RequestRun,
  deltas: StreamDeltaMode = 'coalesced',
): AsyncGenerator<AdapterStreamEvent, void, undefined> {
  const run = createRun();
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
    const options = { signal: run.signal, deltas };
    let attempt: StreamAttempt = await firstStreamAttempt(run);
    let response: ChatResponse | undefined;
    while (response === undefined) {
      const deliveredBefore = run.deltaCount;
      try {
        const { transport, role, startedAtMs } = attempt;
        for await (const event of transport.stream(run.request, options)) {
          if (event.type === 'finish') {
            attemptSucceeded(run, role, transport, startedAtMs, event.response);
            response = event.response;
            break;
          }
          if (event.type === 'tool-call-delta') noteDelta(run);
          else if (event.type !== 'tool-call') {
            if (event.text === '') continue;
            noteDelta(run);
          }
          run.yielding = true;
          yield event;
          run.yielding = false;
          if (run.settled) throw run.signal.reason;
        }
        if (response === undefined) {
          if (run.signal.aborted) throw run.signal.reason;
          throw new TruncatedStreamError({ deliveredContent: run.deltaCount > deliveredBefore });
        }
      } catch (error) {
        attempt = await nextStreamAttempt(run, attempt, error, run.deltaCount > deliveredBefore);
      }
    }
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
