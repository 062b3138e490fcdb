import {
  type ChatResponse,
  type HeaderRecord,
  InvalidResponseError,
  parseRateLimitHeaders,
  type ResponseLatency,
} from '@acpt/config';
import { splitThinking } from '../reasoning/think-splitter.ts';
import { headerValue, mapTimeInfo, mapToolCalls, mapUsage } from './map-wire-parts.ts';
import type { WireCompletion } from './wire-types.ts';

/** What a response carries besides its body. */
export interface ResponseMeta {
  /** Lower-cased response headers. */
  readonly headers: HeaderRecord;
  /** Epoch ms when the headers arrived (rate-limit state is relative to it). */
  readonly observedAtMs: number;
  /** Client-side timings. */
  readonly latency: ResponseLatency;
}

/** A mutable `ChatResponse` under construction (optional fields are set only when present). */
export type ChatResponseDraft = { -readonly [K in keyof ChatResponse]: ChatResponse[K] };

/** Fields every response takes from its headers and timings: provider, rate-limit state, request id, latency. */
export function responseEnvelope(
  id: string,
  model: string,
  meta: ResponseMeta,
): Pick<ChatResponseDraft, 'id' | 'model' | 'provider' | 'latency' | 'rateLimit' | 'serverRequestId'> {
  const envelope: Pick<ChatResponseDraft, 'id' | 'model' | 'provider' | 'latency' | 'rateLimit' | 'serverRequestId'> = {
    id,
    model,
    provider: 'cerebras',
    latency: meta.latency,
  };
  const rateLimit = parseRateLimitHeaders(meta.headers, meta.observedAtMs);
  if (rateLimit !== undefined) envelope.rateLimit = rateLimit;
  const serverRequestId = headerValue(meta.headers, 'x-request-id');
  if (serverRequestId !== undefined) envelope.serverRequestId = serverRequestId;
  return envelope;
}

function invalid(reason: string, body: string, cause?: unknown): InvalidResponseError {
  return new InvalidResponseError(`Cerebras returned an invalid chat completion: ${reason}`, {
    bodySnippet: body,
    cause,
  });
}

/**
 * Parses a `chat.completion` body (one `JSON.parse`) into the contract's response: the reply text without `<think>`
 * blocks, reasoning (parsed `message.reasoning` and stripped `<think>` text), finish reason (`error` when the server
 * sent none), tool calls, usage with cached and reasoning tokens, `time_info`, the request id and every
 * `x-ratelimit-*` header.
 *
 * @throws {InvalidResponseError} when the body is not JSON or has no `choices[0].message`
 */
export function mapChatCompletion(body: string, meta: ResponseMeta): ChatResponse {
  let parsed: WireCompletion;
  try {
    parsed = JSON.parse(body) as WireCompletion;
  } catch (error) {
    throw invalid('the body is not JSON', body, error);
  }
  const choice = typeof parsed === 'object' && parsed !== null ? parsed.choices?.[0] : undefined;
  const message = choice?.message;
  if (typeof message !== 'object' || message === null) throw invalid('it has no choices[0].message', body);
  const { text, reasoning: thought } = splitThinking(typeof message.content === 'string' ? message.content : '');
  const parsedReasoning = typeof message.reasoning === 'string' && message.reasoning !== '' ? message.reasoning : '';
  const reasoning = parsedReasoning + (thought ?? '');
  const response: ChatResponseDraft = {
    ...responseEnvelope(String(parsed.id ?? ''), String(parsed.model ?? ''), meta),
    text,
    finishReason: choice?.finish_reason ?? 'error',
  };
  if (reasoning !== '') response.reasoning = reasoning;
  const toolCalls = mapToolCalls(message.tool_calls);
  if (toolCalls !== undefined) response.toolCalls = toolCalls;
  const usage = mapUsage(parsed.usage);
  if (usage !== undefined) response.usage = usage;
  const timeInfo = mapTimeInfo(parsed.time_info);
  if (timeInfo !== undefined) response.timeInfo = timeInfo;
  if (typeof parsed.system_fingerprint === 'string') response.systemFingerprint = parsed.system_fingerprint;
  return response;
}
