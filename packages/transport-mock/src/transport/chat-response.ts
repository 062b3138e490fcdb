import type { ChatResponse, RateLimitState, ResponseLatency } from '@acpt/config';
import type { MockReply } from '../reply/mock-reply.ts';

/** The `ChatResponse` of a mock reply (`provider: 'acpt.mock'`). */
export function toChatResponse(
  reply: MockReply,
  latency: ResponseLatency,
  rateLimit: RateLimitState | undefined,
): ChatResponse {
  return {
    id: reply.id,
    model: reply.model,
    provider: 'acpt.mock',
    text: reply.text,
    finishReason: reply.finishReason,
    usage: reply.usage,
    timeInfo: reply.timeInfo,
    ...(rateLimit === undefined ? {} : { rateLimit }),
    requestId: reply.requestId,
    systemFingerprint: reply.systemFingerprint,
    latency,
  };
}
