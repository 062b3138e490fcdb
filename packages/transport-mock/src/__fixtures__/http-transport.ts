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

/** The fields of a completion body or chunk this fixture reads. */
interface WireCompletion {
  readonly id: string;
  readonly model: string;
  readonly error?: unknown;
  readonly status_code?: number;
  readonly choices: readonly {
    readonly finish_reason?: string;
    readonly message?: { readonly content: string };
    readonly delta?: { readonly content?: string };
  }[];
  readonly usage: { readonly prompt_tokens: number; readonly completion_tokens: number; readonly total_tokens: number };
}

/**
 * A deliberately small HTTP transport for tests: speaks the Cerebras wire to a base URL with undici and maps failures
 * to the typed errors the way a real transport must. (The production one is `@acpt/transport-cerebras`.)
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
  const toResponse = (json: WireCompletion, text: string, headers: Record<string, string>): ChatResponse => ({
    id: json.id,
    model: json.model,
    provider: 'test-http',
    text,
    finishReason: json.choices[0]?.finish_reason ?? 'error',
    usage: {
      promptTokens: json.usage.prompt_tokens,
      completionTokens: json.usage.completion_tokens,
      totalTokens: json.usage.total_tokens,
    },
    requestId: headers['x-request-id'],
    latency: { totalMs: 0 },
  });
  return {
    provider: 'test-http',
    async complete(request: ChatRequest): Promise<ChatResponse> {
      const { body, headers } = await call(request, false);
      const json = parse(body);
      return toResponse(json, json.choices[0]?.message?.content ?? '', headers);
    },
    async *stream(request: ChatRequest): AsyncGenerator<ChatStreamEvent> {
      const { body, headers } = await call(request, true);
      let text = '';
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
        const piece = chunk.choices[0]?.delta?.content;
        if (piece) {
          text += piece;
          yield { type: 'text-delta', text: piece };
        }
        if (chunk.choices[0]?.finish_reason) {
          yield { type: 'finish', response: toResponse(chunk, text, headers) };
          return;
        }
      }
      throw new TruncatedStreamError({ deliveredContent: text !== '' });
    },
    close: () => agent.close(),
  };
}
