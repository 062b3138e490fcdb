import { type ChatRequest, parseRateLimitHeaders } from '@acpt/config';
import { httpFaultResponse, quotaExceededResponse } from '../faults/fault-response.ts';
import type { FaultRule } from '../faults/fault-rule.ts';
import { faultDelayMs, isHttpFault } from '../faults/fault-rule.ts';
import { createFaultSchedule } from '../faults/fault-schedule.ts';
import { type MockLatencyModel, planLatency } from '../latency/latency-model.ts';
import { addQuotaHeaders } from '../rate-limit/rate-limit-windows.ts';
import { createRateLimiter, type MockRateLimits } from '../rate-limit/rate-limiter.ts';
import { buildMockReply } from '../reply/build-mock-reply.ts';
import type { MockReply } from '../reply/mock-reply.ts';
import { defaultResponder } from '../responder/default-responder.ts';
import type { MockResponder, MockResponderOutput } from '../responder/mock-responder.ts';
import { modelNotFoundBody } from '../wire/error-bodies.ts';
import { jsonResponse } from '../wire/wire-response.ts';
import { checkStrictSchemas } from './check-strict-schemas.ts';
import { checkToolChoice } from './check-tool-choice.ts';
import { checkToolHistory } from './check-tool-history.ts';
import type { BodyFault, ExchangeOutcome } from './exchange-outcome.ts';
import { replyFailure } from './reply-failure.ts';
import { validateMockBehaviour } from './validate-behaviour.ts';

/** Behaviour shared by the in-process mock and the mock server. */
export interface MockBehaviourOptions {
  /** Seed of replies, seeded latency and nothing else. @defaultValue 0 */
  readonly seed?: number;
  /** The model reported when a request names none. @defaultValue 'gpt-oss-120b' */
  readonly model?: string;
  /**
   * Produces the reply: text (tool calls and reasoning then follow the mock's rules), or an explicit
   * `MockResponderReply` with tool calls or reasoning. @defaultValue {@link defaultResponder}
   */
  readonly responder?: MockResponder<MockResponderOutput>;
  /** Latency model. @defaultValue none */
  readonly latency?: MockLatencyModel;
  /** Fault schedule, first matching rule wins. @defaultValue none */
  readonly faults?: readonly FaultRule[];
  /** Models served; others get `404 model_not_found`. `undefined` serves any model. */
  readonly models?: readonly string[];
  /** Quotas, counted down per request and reported in `x-ratelimit-*` headers. @defaultValue none */
  readonly rateLimits?: MockRateLimits;
  /** Tokens per streamed content chunk. @defaultValue 4 */
  readonly streamChunkTokens?: number;
}

/** Decides the outcome of each (valid) request. */
export interface MockEngine {
  /** The seed. */
  readonly seed: number;
  /** The default model. */
  readonly model: string;
  /** The outcome of the `index`-th request at `nowMs`. Counts quotas, so call it once per request. */
  decide(request: ChatRequest, index: number, nowMs: number): ExchangeOutcome;
}

/** Tokens Cerebras reserves for the completion when a request sets no `max_completion_tokens`. */
export const DEFAULT_COMPLETION_RESERVATION = 16_384;

/**
 * Creates the decision core of the mocks: fault schedule, then model and `tool_choice` checks, then the reply, then
 * quotas.
 *
 * @throws {AcptConfigError} when the fault rules, latencies, chunk size or model list are malformed
 */
export function createMockEngine(options: MockBehaviourOptions = {}): MockEngine {
  validateMockBehaviour(options);
  const seed = options.seed ?? 0;
  const defaultModel = options.model ?? 'gpt-oss-120b';
  const responder = options.responder ?? defaultResponder;
  const schedule = createFaultSchedule(options.faults);
  const models = options.models === undefined ? undefined : new Set(options.models);
  const limiter = options.rateLimits === undefined ? undefined : createRateLimiter(options.rateLimits);
  const streamChunkTokens = options.streamChunkTokens ?? 4;
  return {
    seed,
    model: defaultModel,
    decide(given: ChatRequest, index: number, nowMs: number): ExchangeOutcome {
      // `max_completion_tokens: -1` asks for the model maximum: the same as leaving it out.
      const request = given.maxCompletionTokens === -1 ? { ...given, maxCompletionTokens: undefined } : given;
      const model = request.model ?? defaultModel;
      const fault = schedule.faultAt(index);
      if (fault !== undefined && isHttpFault(fault.kind))
        return { kind: 'error', response: httpFaultResponse(fault.kind, { model, nowMs }) };
      if (fault?.kind === 'connection-reset') return { kind: 'reset' };
      if (fault?.kind === 'headers-timeout') return { kind: 'hang', delayMs: faultDelayMs(fault) };
      if (models !== undefined && !models.has(model))
        return { kind: 'error', response: jsonResponse(404, modelNotFoundBody(model)) };
      const invalidChoice = request.toolChoice === undefined ? undefined : checkToolChoice(request);
      if (invalidChoice !== undefined) return { kind: 'error', response: invalidChoice };
      const invalidHistory = checkToolHistory(request);
      if (invalidHistory !== undefined) return { kind: 'error', response: invalidHistory };
      const invalidSchema = checkStrictSchemas(request);
      if (invalidSchema !== undefined) return { kind: 'error', response: invalidSchema };
      const planned = planLatency(options.latency, seed, index);
      const plan =
        fault?.kind === 'slow-headers' ? { ...planned, headersMs: planned.headersMs + faultDelayMs(fault) } : planned;
      let reply: MockReply;
      try {
        reply = buildMockReply(request, { seed, index, model, responder, streamChunkTokens, latency: plan });
      } catch (error) {
        return { kind: 'error', response: replyFailure(error) };
      }
      let quotaHeaders: Record<string, string> | undefined;
      if (limiter !== undefined) {
        const reserve = reply.usage.promptTokens + (request.maxCompletionTokens ?? DEFAULT_COMPLETION_RESERVATION);
        const verdict = limiter.admit(reserve, reply.usage.totalTokens, nowMs);
        if (verdict.exceeded)
          return { kind: 'error', response: quotaExceededResponse(verdict.exceeded, verdict.states) };
        quotaHeaders = {};
        addQuotaHeaders(quotaHeaders, verdict.states);
      }
      const bodyFault = fault !== undefined && fault.kind !== 'slow-headers' ? (fault.kind as BodyFault) : undefined;
      const rateLimit = quotaHeaders === undefined ? undefined : parseRateLimitHeaders(quotaHeaders, nowMs);
      return { kind: 'reply', reply, plan, bodyFault, quotaHeaders, rateLimit };
    },
  };
}
