import type { ChatResponse, RateLimitState, ResponseLatency } from '@acpt/config';
import type { MockReply } from '../reply/mock-reply.ts';

/**
 * The `ChatResponse` of a mock reply (`provider: 'acpt.mock'`), with what a real transport parses from the same
 * bytes: `reasoning` when it was parsed or raw (never when hidden or empty), and the tool calls.
 */
export function toChatResponse(
  reply: MockReply,
  latency: ResponseLatency,
  rateLimit: RateLimitState | undefined,
): ChatResponse {
  const reasoning = reply.reasoning;
  const visible = reasoning !== undefined && reasoning.delivery !== 'hidden' && reasoning.text !== '';
  return {
    id: reply.id,
    model: reply.model,
    provider: 'acpt.mock',
    text: reply.text,
    ...(visible ? { reasoning: reasoning.text } : {}),
    finishReason: reply.finishReason,
    ...(reply.toolCalls === undefined ? {} : { toolCalls: reply.toolCalls }),
    usage: reply.usage,
    timeInfo: reply.timeInfo,
    ...(rateLimit === undefined ? {} : { rateLimit }),
    serverRequestId: reply.requestId,
    systemFingerprint: reply.systemFingerprint,
    latency,
  };
}
