import type { ChatResponse, EventError, RequestEndEvent, RequestStartEvent } from '@acpt/config';

/** Epoch ms every scripted scenario starts at. */
export const T0 = 1_750_000_000_000;

/**
 * The base attributes of a live Cerebras chat (operation, provider, requested model, server), on its metrics and as its
 * span's creation attributes: those of {@link requestStart} and of the adapter scenarios' live path.
 */
export const CHAT_BASE_ATTRIBUTES = {
  'gen_ai.operation.name': 'chat',
  'gen_ai.provider.name': 'cerebras',
  'gen_ai.request.model': 'gpt-oss-120b',
  'server.address': 'api.cerebras.ai',
  'server.port': 443,
} as const;

/** A `request-start` of a live Cerebras request at `T0 + atMs`. */
export function requestStart(
  requestId: string,
  atMs: number,
  overrides: Partial<RequestStartEvent> = {},
): RequestStartEvent {
  return {
    requestId,
    timestampMs: T0 + atMs,
    model: 'gpt-oss-120b',
    provider: 'cerebras',
    serverAddress: 'api.cerebras.ai',
    serverPort: 443,
    stream: false,
    request: { messages: [{ role: 'user', content: 'secret prompt text' }], maxCompletionTokens: 256, seed: 7 },
    budgetMs: 2560,
    budgetMode: 'hard',
    ...overrides,
  };
}

/** A finished response. */
export function chatResponse(overrides: Partial<ChatResponse> = {}): ChatResponse {
  return {
    id: 'chatcmpl-1',
    model: 'gpt-oss-120b',
    provider: 'cerebras',
    text: 'secret reply text',
    finishReason: 'stop',
    usage: { promptTokens: 12, completionTokens: 30, totalTokens: 42 },
    timeInfo: { queueTime: 0.001, promptTime: 0.002, completionTime: 0.03, totalTime: 0.033 },
    latency: { totalMs: 40 },
    ...overrides,
  };
}

/** A successful `request-end` at `T0 + atMs`. */
export function requestEnd(requestId: string, atMs: number, overrides: Partial<RequestEndEvent> = {}): RequestEndEvent {
  const response = overrides.response ?? chatResponse();
  return {
    requestId,
    timestampMs: T0 + atMs,
    outcome: 'success',
    durationMs: atMs,
    attempts: 1,
    response,
    usage: response.usage,
    budgetExceeded: false,
    ...overrides,
  };
}

/** A 429 (token quota) as events carry it. */
export const RATE_LIMITED: EventError = {
  type: '429',
  code: 'ACPT_RATE_LIMITED',
  status: 429,
  rateLimitKind: 'token_quota',
  message: 'Tokens per minute limit exceeded - too many tokens processed.',
  retryable: true,
};

/** A 503 as events carry it. */
export const UNAVAILABLE: EventError = {
  type: '503',
  code: 'ACPT_HTTP_STATUS',
  status: 503,
  message: 'Service unavailable',
  retryable: true,
};
