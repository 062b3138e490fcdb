import {
  type ChatRequest,
  type ChatResponse,
  type ChatStreamEvent,
  errorFromHttpResponse,
  InvalidResponseError,
  TimeoutError,
  type Transport,
  TransportNetworkError,
  TruncatedStreamError,
} from '@acpt/config';
import { Agent, request as undiciRequest } from 'undici';
import { toWireRequest } from '../wire/to-wire-request.ts';
import { sseData } from './wire-client.ts';
import { createDeltaReader, messageParts, type ReplyParts, type WireMessagePart } from './wire-reply-parts.ts';

/** The fields of a completion body or chunk this fixture reads. */
interface WireCompletion {
  readonly id: string;
  readonly model: string;
  readonly error?: unknown;
  readonly status_code?: number;
  readonly choices: readonly {
    readonly finish_reason?: string;
    readonly message?: WireMessagePart;
    readonly delta?: WireMessagePart;
  }[];
  readonly usage: {
    readonly prompt_tokens: number;
    readonly completion_tokens: number;
    readonly total_tokens: number;
    readonly completion_tokens_details?: { readonly reasoning_tokens: number };
  };
}

/**
 * A deliberately small HTTP transport for tests: speaks the Cerebras wire to a base URL with undici and maps failures
 * to the typed errors the way a real transport must, with reasoning (parsed, or raw `<think>` as the mock sends it)
 * and tool calls. (The production one is `@acpt/transport-cerebras`.)
 */
export function createTestHttpTransport(options: {
  baseUrl: string;
  apiKey?: string;
  headersTimeoutMs?: number;
}): Transport {
  const agent = new Agent({ headersTimeout: options.headersTimeoutMs ?? 5000 });
  const url = `${options.baseUrl}/v1/chat/completions`;
  const call = async (
    request: ChatRequest,
    stream: boolean,
  ): Promise<{ body: string; headers: Record<string, string> }> => {
    let response: Awaited<ReturnType<typeof undiciRequest>>;
    let body: string;
    try {
      response = await undiciRequest(url, {
        method: 'POST',
        dispatcher: agent,
        headers: {
          'content-type': 'application/json',
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body: JSON.stringify(toWireRequest(request, stream)),
      });
      body = await response.body.text();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'UND_ERR_HEADERS_TIMEOUT')
        throw new TimeoutError('headers', options.headersTimeoutMs ?? 5000, { cause: error });
      throw new TransportNetworkError(`Network failure: ${(error as Error).message}`, {
        undiciCode: code,
        cause: error,
      });
    }
    const headers = response.headers as Record<string, string>;
    if (response.statusCode >= 400)
      throw errorFromHttpResponse({ status: response.statusCode, url, headers, body, nowMs: Date.now() });
    return { body, headers };
  };
  const parse = (text: string): WireCompletion => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new InvalidResponseError('The response is not valid JSON', { bodySnippet: text, cause: error });
    }
  };
  const toResponse = (json: WireCompletion, parts: ReplyParts, headers: Record<string, string>): ChatResponse => {
    const reasoningTokens = json.usage.completion_tokens_details?.reasoning_tokens;
    return {
      id: json.id,
      model: json.model,
      provider: 'test-http',
      text: parts.text,
      ...(parts.reasoning === '' ? {} : { reasoning: parts.reasoning }),
      finishReason: json.choices[0]?.finish_reason ?? 'error',
      ...(parts.toolCalls.length === 0 ? {} : { toolCalls: parts.toolCalls }),
      usage: {
        promptTokens: json.usage.prompt_tokens,
        completionTokens: json.usage.completion_tokens,
        totalTokens: json.usage.total_tokens,
        ...(reasoningTokens === undefined ? {} : { reasoningTokens }),
      },
      serverRequestId: headers['x-request-id'],
      latency: { totalMs: 0 },
    };
  };
  return {
    provider: 'test-http',
    async complete(request: ChatRequest): Promise<ChatResponse> {
      const { body, headers } = await call(request, false);
      const json = parse(body);
      return toResponse(json, messageParts(json.choices[0]?.message), headers);
    },
    async *stream(request: ChatRequest): AsyncGenerator<ChatStreamEvent> {
      const { body, headers } = await call(request, true);
      const reader = createDeltaReader();
      let delivered = false;
      for (const data of sseData(body)) {
        if (data === '[DONE]') break;
        const chunk = parse(data);
        if (chunk.error)
          throw errorFromHttpResponse({
            status: chunk.status_code ?? 0,
            url,
            headers,
            body: data,
            nowMs: Date.now(),
            midStream: true,
          });
        for (const event of reader.read(chunk.choices[0]?.delta)) {
          delivered = true;
          yield event;
        }
        if (chunk.choices[0]?.finish_reason) {
          for (const [index, toolCall] of reader.parts.toolCalls.entries())
            yield { type: 'tool-call', index, toolCall };
          yield { type: 'finish', response: toResponse(chunk, reader.parts, headers) };
          return;
        }
      }
      throw new TruncatedStreamError({ deliveredContent: delivered });
    },
    close: () => agent.close(),
  };
}
