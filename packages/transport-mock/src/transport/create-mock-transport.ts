import type { Transport, TransportCallOptions } from '@acpt/config';
import { AbortedError, type ChatRequest, type ChatResponse, type ChatStreamEvent, type ToolCall } from '@acpt/config';
import { type MockClock, realClock } from '../clock/mock-clock.ts';
import type { ExchangeOutcome } from '../engine/exchange-outcome.ts';
import { createMockEngine, type MockBehaviourOptions } from '../engine/mock-engine.ts';
import { httpFaultResponse } from '../faults/fault-response.ts';
import { pieceEvent, pieceWaitMs, type ToolCallHeads } from '../reply/stream-piece.ts';
import { completionJson, cutPoint, halfBody, malformedEventData, STREAM_ERROR_DATA } from '../wire/completion-json.ts';
import { toWireRequest } from '../wire/to-wire-request.ts';
import { validateWireRequest } from '../wire/validate-wire-request.ts';
import { validationFailureResponse } from '../wire/validation-response.ts';
import { toChatResponse } from './chat-response.ts';
import {
  connectionResetError,
  headersTimeoutError,
  httpError,
  malformedJsonError,
  truncatedStreamError,
} from './typed-errors.ts';

/** Options of {@link createMockTransport}: the shared mock behaviour plus the clock. */
export interface MockTransportOptions extends MockBehaviourOptions {
  /** Time source for latency and quotas; pass a virtual clock to run in virtual time. @defaultValue real timers */
  readonly clock?: MockClock;
}

/** The in-process mock transport. */
export interface MockTransport extends Transport {
  /** Always `acpt.mock`. */
  readonly provider: 'acpt.mock';
  /** How many requests (`complete` calls and iterated `stream`s) it has received. */
  readonly requestCount: number;
}

type ReplyOutcome = Extract<ExchangeOutcome, { kind: 'reply' }>;

/**
 * Creates a deterministic in-process `Transport`: replies are a pure function of the request and the seed; latency,
 * quotas and faults follow the options and fail with exactly the typed errors a real transport raises for the same
 * bytes. Calls honour `AbortSignal` (rejecting with its reason, also while waiting). `close()` cancels calls in flight
 * with an `AbortedError`, and later calls reject with one.
 *
 * @throws {AcptConfigError} when the fault rules are malformed
 * @example
 * const transport = createMockTransport({ seed: 7, faults: [{ kind: 'rate-limit-tokens', every: 5 }] });
 * const response = await transport.complete({ messages: [{ role: 'user', content: 'Pick RIS phase bits.' }] });
 */
export function createMockTransport(options: MockTransportOptions = {}): MockTransport {
  return new InProcessMockTransport(options);
}

class InProcessMockTransport implements MockTransport {
  readonly provider = 'acpt.mock' as const;
  readonly #engine;
  readonly #clock: MockClock;
  readonly #closing = new AbortController();
  #count = 0;

  constructor(options: MockTransportOptions) {
    this.#engine = createMockEngine(options);
    this.#clock = options.clock ?? realClock;
  }

  get requestCount(): number {
    return this.#count;
  }

  async complete(request: ChatRequest, options: TransportCallOptions = {}): Promise<ChatResponse> {
    const signal = this.#signal(options.signal);
    const outcome = await this.#admit(request, signal);
    const { reply, plan } = outcome;
    const waitMs = plan.headersMs + plan.firstTokenMs + reply.usage.completionTokens * plan.msPerToken;
    await this.#sleep(waitMs, signal);
    if (outcome.bodyFault === 'stream-error-event')
      throw httpError(
        httpFaultResponse('stream-error-event', { model: reply.model, nowMs: this.#clock.now() }),
        this.#clock.now(),
      );
    if (outcome.bodyFault === 'stream-truncated') throw connectionResetError('in the middle of the response body');
    if (outcome.bodyFault === 'malformed-json') throw malformedJsonError(halfBody(completionJson(reply)), false);
    return toChatResponse(reply, { totalMs: waitMs, headersMs: waitMs }, outcome.rateLimit);
  }

  async *stream(request: ChatRequest, options: TransportCallOptions = {}): AsyncGenerator<ChatStreamEvent> {
    const signal = this.#signal(options.signal);
    const outcome = await this.#admit(request, signal);
    const { reply, plan, bodyFault } = outcome;
    let elapsedMs = plan.headersMs;
    await this.#sleep(plan.headersMs, signal);
    const cut = bodyFault === undefined ? Number.POSITIVE_INFINITY : cutPoint(reply.pieces.length);
    let firstTokenMs: number | undefined;
    const heads: ToolCallHeads = [];
    let delivered = false;
    for (let position = 0; position <= reply.pieces.length; position += 1) {
      if (position === cut) this.#breakStream(outcome, position, delivered);
      const piece = reply.pieces[position];
      if (piece === undefined) break;
      const waitMs = pieceWaitMs(reply, plan, position);
      await this.#sleep(waitMs, signal);
      elapsedMs += waitMs;
      const event = pieceEvent(piece, heads);
      if (event === undefined) continue;
      if (event.type !== 'tool-call-delta') firstTokenMs ??= elapsedMs;
      delivered = true;
      yield event;
    }
    const toolCalls = reply.toolCalls ?? [];
    for (let index = 0; index < toolCalls.length; index++) {
      yield { type: 'tool-call', index, toolCall: toolCalls[index] as ToolCall };
    }
    const latency = { totalMs: elapsedMs, headersMs: plan.headersMs, timeToFirstTokenMs: firstTokenMs };
    yield { type: 'finish', response: toChatResponse(reply, latency, outcome.rateLimit) };
  }

  async close(): Promise<void> {
    if (!this.#closing.signal.aborted) this.#closing.abort(new AbortedError('The mock transport was closed'));
  }

  #signal(caller: AbortSignal | undefined): AbortSignal {
    const signal = caller === undefined ? this.#closing.signal : AbortSignal.any([caller, this.#closing.signal]);
    if (signal.aborted) throw signal.reason;
    return signal;
  }

  async #admit(request: ChatRequest, signal: AbortSignal): Promise<ReplyOutcome> {
    const index = this.#count++;
    const resolved = request.model === undefined ? { ...request, model: this.#engine.model } : request;
    const issues = validateWireRequest(toWireRequest(resolved));
    const nowMs = this.#clock.now();
    if (issues.length > 0) throw httpError(validationFailureResponse(issues), nowMs);
    const outcome = this.#engine.decide(resolved, index, nowMs);
    switch (outcome.kind) {
      case 'error':
        throw httpError(outcome.response, nowMs);
      case 'reset':
        throw connectionResetError('before the response headers');
      case 'hang':
        await this.#clock.sleep(outcome.delayMs, signal);
        throw headersTimeoutError(outcome.delayMs);
      default:
        return outcome;
    }
  }

  #breakStream(outcome: ReplyOutcome, delivered: number, deliveredContent: boolean): never {
    if (outcome.bodyFault === 'stream-error-event')
      throw httpError({ status: 500, headers: {}, body: STREAM_ERROR_DATA }, this.#clock.now(), true);
    if (outcome.bodyFault === 'malformed-json')
      throw malformedJsonError(malformedEventData(outcome.reply, delivered), true);
    throw truncatedStreamError(deliveredContent);
  }

  async #sleep(ms: number, signal: AbortSignal): Promise<void> {
    if (ms > 0) await this.#clock.sleep(ms, signal);
    else if (signal.aborted) throw signal.reason;
  }
}
