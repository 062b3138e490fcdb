import { InvalidResponseError } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { completionBody } from '../__fixtures__/wire-fixtures.ts';
import { mapChatCompletion, type ResponseMeta } from './map-chat-response.ts';

const meta: ResponseMeta = {
  headers: {
    'x-request-id': 'req_123',
    'x-ratelimit-limit-tokens-minute': '60000',
    'x-ratelimit-remaining-tokens-minute': '59950',
    'x-ratelimit-reset-tokens-minute': '11.38',
    'x-ratelimit-remaining-requests-day': '14399',
    'x-ratelimit-reset-requests-day': '33011.38',
  },
  observedAtMs: 1_761_231_233_000,
  latency: { totalMs: 12, headersMs: 10 },
};

describe('mapChatCompletion', () => {
  it('maps text, finish reason, usage with cached tokens, time_info, request id and rate-limit state', () => {
    expect(mapChatCompletion(completionBody({ content: '{"bits":2}' }), meta)).toMatchInlineSnapshot(`
      {
        "finishReason": "stop",
        "id": "chatcmpl-7f3a",
        "latency": {
          "headersMs": 10,
          "totalMs": 12,
        },
        "model": "qwen-3.8-27b",
        "provider": "cerebras",
        "rateLimit": {
          "observedAtMs": 1761231233000,
          "requests": {
            "day": {
              "remaining": 14399,
              "resetSeconds": 33011.38,
            },
          },
          "tokens": {
            "minute": {
              "limit": 60000,
              "remaining": 59950,
              "resetSeconds": 11.38,
            },
          },
        },
        "serverRequestId": "req_123",
        "systemFingerprint": "fp_9c1d",
        "text": "{"bits":2}",
        "timeInfo": {
          "completionTime": 0.0057,
          "created": 1761231233.44,
          "promptTime": 0.0011,
          "queueTime": 0.00007,
          "totalTime": 0.022,
        },
        "usage": {
          "cachedTokens": 32,
          "completionTokens": 9,
          "promptTokens": 41,
          "reasoningTokens": 3,
          "totalTokens": 50,
        },
      }
    `);
  });

  it('strips <think> blocks out of the text and offers them as reasoning, after parsed reasoning', () => {
    const response = mapChatCompletion(
      completionBody({ content: '<think>Two bits.</think>\n\n{"bits":2}', reasoning: 'Parsed. ' }),
      meta,
    );
    expect(response.text).toBe('{"bits":2}');
    expect(response.reasoning).toBe('Parsed. Two bits.');
  });

  it('maps tool calls and a null content; a missing finish reason becomes "error"', () => {
    const body = JSON.stringify({
      id: 'c',
      model: 'm',
      choices: [
        {
          message: {
            content: null,
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }],
          },
          finish_reason: null,
        },
      ],
    });
    const response = mapChatCompletion(body, { ...meta, headers: {} });
    expect(response).toEqual({
      id: 'c',
      model: 'm',
      provider: 'cerebras',
      text: '',
      finishReason: 'error',
      toolCalls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      latency: meta.latency,
    });
  });

  it.each([
    ['not JSON', '<html>502</html>'],
    ['no choices', '{"id":"x"}'],
    ['a null body', 'null'],
    ['an empty choice', '{"choices":[{}]}'],
  ])('rejects %s with InvalidResponseError', (_name, body) => {
    expect(() => mapChatCompletion(body, meta)).toThrow(InvalidResponseError);
    try {
      mapChatCompletion(body, meta);
    } catch (error) {
      expect(InvalidResponseError.isInstance(error) && error.bodySnippet).toBe(body);
      expect(InvalidResponseError.isInstance(error) && error.retryable).toBe(true);
    }
  });
});
