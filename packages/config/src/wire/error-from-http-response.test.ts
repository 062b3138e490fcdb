import { describe, expect, it } from 'vitest';
import { AuthenticationError, NotFoundError, TransportHttpError } from '../errors/http-error.ts';
import { RateLimitError } from '../errors/rate-limit-error.ts';
import { errorFromHttpResponse, type HttpErrorResponse } from './error-from-http-response.ts';

const url = 'https://api.cerebras.ai/v1/chat/completions';
const nowMs = Date.parse('2026-11-02T10:00:00Z');

function respond(status: number, body: unknown, headers: HttpErrorResponse['headers'] = {}, midStream = false) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return errorFromHttpResponse({ status, url, headers, body: text, nowMs, midStream });
}

const quota = (type: string, code: string, message: string) => ({ message, type, param: 'quota', code });

describe('errorFromHttpResponse: credentials and missing things', () => {
  it('401 wrong_api_key → AuthenticationError, not retryable, with the fix', () => {
    const error = respond(401, {
      message: 'Wrong API Key',
      type: 'invalid_request_error',
      param: 'api_key',
      code: 'wrong_api_key',
    });
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 401,
      code: 'ACPT_AUTHENTICATION',
      errorCode: 'wrong_api_key',
      param: 'api_key',
      retryable: false,
    });
    expect(error.message).toBe('HTTP 401: Wrong API Key; check CEREBRAS_API_KEY (or CEREBRAS_API_KEY_FILE)');
  });

  it('403 FastAPI detail → AuthenticationError with the detail', () => {
    const error = respond(403, { detail: 'Not authenticated' });
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/^HTTP 403: Not authenticated;/);
  });

  it('402 → AuthenticationError asking for credits', () => {
    expect(respond(402, { message: 'Payment required' }).message).toMatch(/add credits or a payment method$/);
  });

  it('404 model_not_found → NotFoundError telling how to pick a served model', () => {
    const error = respond(404, {
      message: 'Model qwen-3-32b does not exist or you do not have access to it.',
      type: 'not_found_error',
      param: 'model',
      code: 'model_not_found',
    });
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ACPT_NOT_FOUND', errorCode: 'model_not_found', retryable: false });
    expect(error.message).toMatch(/set CEREBRAS_MODEL to a model the endpoint lists/);
  });

  it('404 with an empty body says so', () => {
    const error = respond(404, '');
    expect(error.message).toBe('HTTP 404: (empty body)');
    expect(error.responseBody).toBe('');
  });
});

describe('errorFromHttpResponse: validation and other statuses', () => {
  it('422 joins the messages of a FastAPI detail array', () => {
    const error = respond(422, {
      detail: [
        { loc: ['body', 'messages'], msg: 'field required', type: 'missing' },
        { loc: ['body', 'temperature'], msg: 'must be at most 1.5', type: 'value_error' },
      ],
    });
    expect(error).toBeInstanceOf(TransportHttpError);
    expect(error.message).toBe('HTTP 422: field required; must be at most 1.5');
    expect(error.retryable).toBe(false);
  });

  it.each([
    [400, 'Encountered a server error, please try again.', true],
    [400, 'Invalid value for temperature', false],
    [408, 'timeout', true],
    [409, 'conflict', true],
    [413, 'too large', false],
    [500, 'boom', true],
    [503, 'unavailable', true],
  ])('%i "%s" → retryable %s', (status, message, retryable) => {
    expect(respond(status, { message }).retryable).toBe(retryable);
  });

  it('x-should-retry overrides the status rule both ways', () => {
    expect(respond(400, { message: 'bad' }, { 'x-should-retry': 'true' }).retryable).toBe(true);
    expect(respond(500, { message: 'boom' }, { 'x-should-retry': 'false' }).retryable).toBe(false);
    const queue = quota('too_many_requests_error', 'queue_exceeded', 'high traffic');
    expect(respond(429, { ...queue, param: 'queue' }, { 'x-should-retry': 'false' }).retryable).toBe(false);
  });

  it('reads an OpenAI-style wrapped body and a non-JSON body', () => {
    expect(respond(500, { error: { message: 'wrapped', code: 'x' } })).toMatchObject({
      message: 'HTTP 500: wrapped',
      errorCode: 'x',
    });
    expect(respond(502, '<html>Bad gateway</html>').message).toBe('HTTP 502: <html>Bad gateway</html>');
  });

  it('marks mid-stream errors and redacts headers', () => {
    const error = respond(
      500,
      { message: 'stream broke' },
      { authorization: 'Bearer csk-x', 'x-request-id': 'r1' },
      true,
    );
    expect(error.message).toBe('HTTP 500 (in stream): stream broke');
    expect(error.midStream).toBe(true);
    expect(error.responseHeaders).toEqual({ 'x-request-id': 'r1' });
  });

  it('takes retry-after seconds, dates and ms', () => {
    expect(respond(503, {}, { 'retry-after': '2' }).retryAfterMs).toBe(2000);
    expect(respond(503, {}, { 'retry-after': 'Mon, 02 Nov 2026 10:00:04 GMT' }).retryAfterMs).toBe(4000);
    expect(respond(503, {}, { 'retry-after-ms': '120', 'retry-after': '2' }).retryAfterMs).toBe(120);
  });
});

describe('errorFromHttpResponse: the three kinds of 429', () => {
  it('request quota per minute: retryable, waits for the request reset', () => {
    const error = respond(
      429,
      quota(
        'too_many_requests_error',
        'request_quota_exceeded',
        'Requests per minute limit exceeded - too many requests sent.',
      ),
      { 'x-ratelimit-reset-requests-minute': '11.38', 'x-ratelimit-remaining-requests-minute': '0' },
    ) as RateLimitError;
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'ACPT_RATE_LIMITED',
      kind: 'request_quota',
      window: 'minute',
      retryable: true,
    });
    expect(error.retryAfterMs).toBeCloseTo(11_380);
    expect(error.message).toMatch(/^HTTP 429 \(request_quota, per minute\): Requests per minute/);
  });

  it('token quota per minute: waits for the token reset', () => {
    const error = respond(
      429,
      quota(
        'too_many_tokens_error',
        'token_quota_exceeded',
        'Tokens per minute limit exceeded - too many tokens processed.',
      ),
      { 'x-ratelimit-reset-tokens-minute': '7.5', 'x-ratelimit-reset-requests-minute': '50' },
    ) as RateLimitError;
    expect(error).toMatchObject({ kind: 'token_quota', window: 'minute', retryable: true, retryAfterMs: 7500 });
  });

  it('queue_exceeded: Cerebras capacity, retryable, no quota reset', () => {
    const body = {
      ...quota('too_many_requests_error', 'queue_exceeded', "We're experiencing high traffic right now!"),
      param: 'queue',
    };
    const error = respond(429, body, { 'x-ratelimit-reset-tokens-minute': '30' }) as RateLimitError;
    expect(error).toMatchObject({ kind: 'queue', retryable: true, retryAfterMs: undefined });
    expect(respond(429, body, { 'retry-after': '1' }).retryAfterMs).toBe(1000);
  });

  it('a per-day quota is not retryable, whether the message or the headers tell', () => {
    const byMessage = respond(
      429,
      quota(
        'too_many_tokens_error',
        'token_quota_exceeded',
        'Tokens per day limit exceeded - too many tokens processed.',
      ),
      { 'x-ratelimit-reset-tokens-day': '33011.38' },
    ) as RateLimitError;
    expect(byMessage).toMatchObject({ window: 'day', retryable: false });
    expect(byMessage.retryAfterMs).toBeCloseTo(33_011_380);
    const byHeaders = respond(
      429,
      quota('too_many_requests_error', 'request_quota_exceeded', 'Requests per minute limit exceeded'),
      { 'x-ratelimit-remaining-requests-day': '0' },
    ) as RateLimitError;
    expect(byHeaders).toMatchObject({ window: 'day', retryable: false });
  });

  it('an unrecognised 429 body is kind unknown and still retryable', () => {
    expect(respond(429, 'slow down')).toMatchObject({ kind: 'unknown', retryable: true });
  });
});
