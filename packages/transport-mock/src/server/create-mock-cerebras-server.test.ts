import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { chatBody, send, sseData } from '../__fixtures__/wire-client.ts';
import { createMockTransport } from '../transport/create-mock-transport.ts';
import { fromWireRequest } from '../wire/from-wire-request.ts';
import { createMockCerebrasServer, type MockCerebrasServer } from './create-mock-cerebras-server.ts';
import type { MockCerebrasServerOptions } from './server-options.ts';

let server: MockCerebrasServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: MockCerebrasServerOptions = {}): Promise<string> {
  server = await createMockCerebrasServer(options);
  return server.url;
}

describe('createMockCerebrasServer', () => {
  it('answers a chat completion with the Cerebras JSON body, the same reply as the in-process mock', async () => {
    const url = await start({ seed: 5 });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await send(`${url}/v1/chat/completions`, { body: chatBody({ temperature: 0.4 }) });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    const json = JSON.parse(response.body);
    expect(json).toMatchObject({
      object: 'chat.completion',
      created: 1_767_225_600,
      model: 'gpt-oss-120b',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant' } }],
      usage: { prompt_tokens_details: { cached_tokens: 0 } },
      time_info: { queue_time: 0.0001 },
    });
    expect(response.headers['x-request-id']).toMatch(/^req_[0-9a-f]{24}$/);
    const local = await createMockTransport({ seed: 5 }).complete(fromWireRequest(chatBody({ temperature: 0.4 })));
    expect(json.id).toBe(local.id);
    expect(json.choices[0].message.content).toBe(local.text);
    expect(json.usage.total_tokens).toBe(local.usage?.totalTokens);
    expect(server?.requestCount).toBe(1);
  });

  it('streams the recorded chunk sequence, without [DONE] unless asked', async () => {
    const url = await start({ streamChunkTokens: 3 });
    const plain = await send(`${url}/v1/chat/completions`, { body: chatBody({ stream: true }) });
    expect(plain.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const chunks = sseData(plain.body).map((data) => JSON.parse(data));
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant' });
    const content = chunks.slice(1, -2).map((chunk) => chunk.choices[0].delta.content);
    expect(content.every((piece) => typeof piece === 'string' && piece.length <= 13)).toBe(true);
    expect(chunks.at(-2).choices[0]).toEqual({ index: 0, delta: {} });
    const finish = chunks.at(-1);
    expect(finish.choices[0]).toEqual({ index: 0, delta: {}, finish_reason: 'stop' });
    expect(Object.keys(finish)).toEqual(expect.arrayContaining(['usage', 'time_info']));
    const whole = JSON.parse((await send(`${url}/v1/chat/completions`, { body: chatBody() })).body);
    expect(content.join('')).toBe(whole.choices[0].message.content);
    expect(finish.usage).toEqual(whole.usage);
    await server?.close();
    const done = await start({ sendDone: true });
    expect(sseData((await send(`${done}/v1/chat/completions`, { body: chatBody({ stream: true }) })).body).at(-1)).toBe(
      '[DONE]',
    );
  });

  it('lists models, warms TCP, and 404s unknown paths and retired models', async () => {
    const url = await start();
    const models = JSON.parse((await send(`${url}/v1/models`)).body);
    expect(models.object).toBe('list');
    expect(models.data.map((model: { id: string }) => model.id)).toEqual(['gpt-oss-120b', 'qwen-3.8-27b']);
    expect(JSON.parse((await send(`${url}/v1/models/qwen-3.8-27b`)).body).id).toBe('qwen-3.8-27b');
    const publicList = JSON.parse((await send(`${url}/public/v1/models?format=default`)).body);
    expect(publicList.data[0]).toMatchObject({ id: 'gpt-oss-120b', deprecated: false });
    expect(await send(`${url}/public/v1/models/qwen-3-32b`)).toMatchObject({
      status: 404,
      body: `{"detail":"Model 'qwen-3-32b' not found or not publicly available"}`,
    });
    expect(await send(`${url}/v1/tcp_warming`)).toMatchObject({ status: 200, body: '' });
    const unknown = await send(`${url}/v2/anything`);
    expect(unknown).toMatchObject({ status: 404, body: '' });
    expect(unknown.headers['content-type']).toMatch(/^text\/plain/);
    expect((await send(`${url}/v1/chat/completions`)).status).toBe(405);
    const retired = await send(`${url}/v1/chat/completions`, { body: chatBody({ model: 'qwen-3-32b' }) });
    expect(retired.status).toBe(404);
    expect(JSON.parse(retired.body)).toEqual({
      message: 'Model qwen-3-32b does not exist or you do not have access to it.',
      type: 'not_found_error',
      param: 'model',
      code: 'model_not_found',
    });
  });

  it('authenticates with the configured key: 403 without a header, 401 with a wrong one', async () => {
    const url = await start({ apiKey: 'test-key-1' });
    const chat = `${url}/v1/chat/completions`;
    expect(await send(chat, { body: chatBody() })).toMatchObject({
      status: 403,
      body: '{"detail":"Not authenticated"}',
    });
    const wrong = await send(chat, { body: chatBody(), headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ code: 'wrong_api_key', param: 'api_key' });
    expect((await send(chat, { body: chatBody(), headers: { authorization: 'Bearer test-key-1' } })).status).toBe(200);
    expect((await send(`${url}/v1/models`)).status).toBe(403);
    expect((await send(`${url}/v1/tcp_warming`)).status).toBe(200);
    expect((await send(`${url}/public/v1/models`)).status).toBe(200);
  });

  it('rotates the accepted key with setApiKey: the old key is refused from then on, or none is needed', async () => {
    const url = await start({ apiKey: 'old-key' });
    const chat = `${url}/v1/chat/completions`;
    const withKey = (key: string) => send(chat, { body: chatBody(), headers: { authorization: `Bearer ${key}` } });
    server?.setApiKey('new-key');
    expect((await withKey('old-key')).status).toBe(401);
    expect((await withKey('new-key')).status).toBe(200);
    server?.setApiKey(undefined);
    expect((await send(chat, { body: chatBody() })).status).toBe(200);
  });

  it('rejects invalid bodies with the real 400 wrong_api_format, one line per field', async () => {
    const url = await start();
    const chat = `${url}/v1/chat/completions`;
    const broken = await send(chat, { body: '{"model":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({
      type: 'invalid_request_error',
      param: 'validation_error',
      code: 'wrong_api_format',
      message: expect.stringContaining('JSON decode error'),
    });
    const empty = await send(chat, { body: { model: 'gpt-oss-120b', messages: [], temperature: 3 } });
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.body).message).toBe(
      'messages: List should have at least 1 item after validation, not 0\n' +
        'temperature: Input should be less than or equal to 1.5',
    );
    const missing = await send(chat, { body: { messages: [{ role: 'robot', content: 'hi' }] } });
    expect(
      JSON.parse(missing.body)
        .message.split('\n')
        .map((line: string) => line.split(':')[0]),
    ).toEqual(['model', 'messages.0.role']);
  });

  it('answers 500 when a custom responder throws, and keeps serving', async () => {
    let calls = 0;
    const url = await start({
      responder: () => {
        calls += 1;
        if (calls === 1) throw new Error('no decision');
        return 'ok';
      },
    });
    const failed = await send(`${url}/v1/chat/completions`, { body: chatBody() });
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body).message).toBe('The mock responder failed: no decision');
    expect((await send(`${url}/v1/chat/completions`, { body: chatBody() })).status).toBe(200);
  });

  it('accepts gzip request bodies', async () => {
    const url = await start();
    const response = await send(`${url}/v1/chat/completions`, {
      body: gzipSync(JSON.stringify(chatBody())),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
  });

  it('counts quotas down in x-ratelimit headers and returns real 429s until the window resets', async () => {
    let now = Date.UTC(2026, 0, 2, 10, 0, 30);
    const url = await start({ clock: { now: () => now }, rateLimits: { requestsPerDay: 2, tokensPerMinute: 50_000 } });
    const chat = `${url}/v1/chat/completions`;
    const first = await send(chat, { body: chatBody() });
    expect(first.headers).toMatchObject({
      'x-ratelimit-limit-requests-day': '2',
      'x-ratelimit-remaining-requests-day': '1',
      'x-ratelimit-reset-requests-day': String(50_400 - 30),
      'x-ratelimit-limit-tokens-minute': '50000',
      'x-ratelimit-reset-tokens-minute': '30',
    });
    const used = 50_000 - Number(first.headers['x-ratelimit-remaining-tokens-minute']);
    expect(used).toBe(JSON.parse(first.body).usage.total_tokens);
    expect((await send(chat, { body: chatBody() })).headers['x-ratelimit-remaining-requests-day']).toBe('0');
    const refused = await send(chat, { body: chatBody() });
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({
      code: 'request_quota_exceeded',
      message: expect.stringContaining('per day'),
    });
    now += 14 * 3_600_000;
    expect((await send(chat, { body: chatBody() })).headers['x-ratelimit-remaining-requests-day']).toBe('1');
    const greedy = await send(chat, { body: chatBody({ max_completion_tokens: 60_000 }) });
    expect(JSON.parse(greedy.body)).toMatchObject({ code: 'token_quota_exceeded', type: 'too_many_tokens_error' });
  });
});
