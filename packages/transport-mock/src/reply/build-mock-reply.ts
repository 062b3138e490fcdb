import { type ChatRequest, estimatePromptTokens, estimateTextTokens, type TimeInfo } from '@acpt/config';
import { canonicalRequestKey } from '../canonical/canonical-request-key.ts';
import type { LatencyPlan } from '../latency/latency-model.ts';
import { sha256Hex } from '../random/hash.ts';
import type { MockResponder, MockResponderOutput } from '../responder/mock-responder.ts';
import { composeRichReply } from './compose-rich-reply.ts';
import { MOCK_CREATED_SECONDS, type MockReply } from './mock-reply.ts';
import { cutAtStop, splitPieces, truncateToTokens } from './split-text.ts';
import { offersTools } from './tool-call-plan.ts';

/** What a reply depends on besides the request. */
export interface BuildReplyOptions {
  /** The mock's seed. */
  readonly seed: number;
  /** 0-based request index (passed to the responder). */
  readonly index: number;
  /** The answering model (the request's, else the default). */
  readonly model: string;
  /** Produces the text, or an explicit reply. */
  readonly responder: MockResponder<MockResponderOutput>;
  /** Tokens per streamed content piece. */
  readonly streamChunkTokens: number;
  /** The request's waits, for `time_info`. */
  readonly latency: LatencyPlan;
}

/**
 * Computes a request's reply: the responder's text cut at the first `stop` sequence and at `maxCompletionTokens`
 * (then `finishReason: 'length'`), estimated usage, modelled `time_info`, and stream pieces of `streamChunkTokens`.
 * Requests that offer tools or ask for reasoning, and explicit responder replies, go through `composeRichReply`;
 * plain text requests keep a short path that adds no work for them (the server's hot path).
 */
export function buildMockReply(request: ChatRequest, options: BuildReplyOptions): MockReply {
  const resolved = request.model === options.model ? request : { ...request, model: options.model };
  const digest = sha256Hex(`${options.seed}\n${canonicalRequestKey(resolved)}`);
  const output = options.responder(resolved, { seed: options.seed, index: options.index, model: options.model });
  const promptTokens = estimatePromptTokens(request.messages);
  const id = `chatcmpl-${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`;
  const requestId = `req_${digest.slice(32, 56)}`;
  const model = options.model;
  const systemFingerprint = `fp_${sha256Hex(`${model}\n${options.seed}`).slice(0, 10)}`;
  if (typeof output !== 'string' || isRichRequest(request)) {
    const envelope = { id, requestId, created: MOCK_CREATED_SECONDS, model, systemFingerprint };
    return richReply(resolved, output, envelope, { ...options, digest, promptTokens });
  }
  let text = cutAtStop(output, request.stop);
  let finishReason: MockReply['finishReason'] = 'stop';
  const limit = request.maxCompletionTokens;
  if (limit !== undefined && limit >= 0 && estimateTextTokens(text) > limit) {
    text = truncateToTokens(text, limit);
    finishReason = 'length';
  }
  const completionTokens = estimateTextTokens(text);
  return {
    id,
    requestId,
    created: MOCK_CREATED_SECONDS,
    model,
    systemFingerprint,
    text,
    finishReason,
    usage: {
      promptTokens,
      completionTokens,
      totalTokens: promptTokens + completionTokens,
      cachedTokens: 0,
    },
    timeInfo: timeInfoFor(options.latency, promptTokens, completionTokens),
    pieces: splitPieces(text, options.streamChunkTokens),
  };
}

/** A reply with tool calls or reasoning: the envelope, the parts `composeRichReply` decides, usage and `time_info`. */
function richReply(
  request: ChatRequest,
  output: MockResponderOutput,
  envelope: Pick<MockReply, 'id' | 'requestId' | 'created' | 'model' | 'systemFingerprint'>,
  options: BuildReplyOptions & { readonly digest: string; readonly promptTokens: number },
): MockReply {
  const { digest, model, streamChunkTokens, promptTokens } = options;
  const { completionTokens, reasoningTokens, ...parts } = composeRichReply(request, output, {
    digest,
    model,
    streamChunkTokens,
  });
  const usage = { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, cachedTokens: 0 };
  return {
    ...envelope,
    ...parts,
    usage: reasoningTokens === undefined ? usage : { ...usage, reasoningTokens },
    timeInfo: timeInfoFor(options.latency, promptTokens, completionTokens),
  };
}

/** Whether a request may get tool calls or reasoning (checked on every request, so only field reads). */
function isRichRequest(request: ChatRequest): boolean {
  return request.reasoningEffort !== undefined || request.reasoningFormat !== undefined || offersTools(request);
}

/**
 * Modelled `time_info` in seconds. Without latency: prompt at 100k tokens/s, completion at 2,000 tokens/s (Cerebras'
 * order of magnitude); with latency: the planned waits. `total_time` adds 1 ms overhead, as real totals exceed the sum.
 */
function timeInfoFor(plan: LatencyPlan, promptTokens: number, completionTokens: number): TimeInfo {
  const modelled = plan.headersMs > 0 || plan.firstTokenMs > 0 || plan.msPerToken > 0;
  const queueTime = 0.0001;
  const promptTime = modelled ? plan.headersMs / 1000 : promptTokens / 100_000;
  const completionTime = modelled
    ? (plan.firstTokenMs + completionTokens * plan.msPerToken) / 1000
    : completionTokens / 2000;
  const totalTime = queueTime + promptTime + completionTime + 0.001;
  return {
    queueTime,
    promptTime: round(promptTime, 6),
    completionTime: round(completionTime, 6),
    totalTime: round(totalTime, 6),
    created: round(MOCK_CREATED_SECONDS + totalTime, 3),
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
