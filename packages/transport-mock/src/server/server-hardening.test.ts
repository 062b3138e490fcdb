import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '../__fixtures__/served-mock.ts';
import { chatBody, send } from '../__fixtures__/wire-client.ts';

const { start } = useMockServer();

/** Sends raw bytes and resolves with everything the server wrote before closing. */
function raw(url: string, bytes: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.write(bytes);
  });
}

async function stillServes(url: string): Promise<void> {
  expect((await send(`${url}/v1/chat/completions`, { body: chatBody() })).status).toBe(200);
}

describe('the mock server under hostile input', () => {
  it('survives a malformed percent-encoding in any model path (it used to crash the process)', async () => {
    const url = await start({ apiKey: 'k' });
    const publicOne = await send(`${url}/public/v1/models/%E0%A4%A`);
    expect(publicOne.status).toBe(404);
    expect(JSON.parse(publicOne.body).detail).toContain('%E0%A4%A');
    const one = await send(`${url}/v1/models/%E0%A4%A`, { headers: { authorization: 'Bearer k' } });
    expect(JSON.parse(one.body)).toMatchObject({ code: 'model_not_found' });
    expect((await send(`${url}/public/v1/models/gpt-oss-120b`)).status).toBe(200);
  });

  it('answers a body over the limit with 413 in the flat error shape and keeps serving', async () => {
    const url = await start({ limits: { bodyBytes: 4096 } });
    const big = JSON.stringify(chatBody({ messages: [{ role: 'user', content: 'x'.repeat(8000) }] }));
    const refused = await send(`${url}/v1/chat/completions`, { body: big });
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toEqual({
      message: 'Request body too large: more than 4096 bytes.',
      type: 'invalid_request_error',
      param: 'body',
      code: 'request_too_large',
    });
    await stillServes(url);
  });

  it('bounds gzip inflation: a small bomb gets 413 once decompressed, without inflating it all', async () => {
    const url = await start({ limits: { decodedBodyBytes: 64 * 1024 } });
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024, 32));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const refused = await send(`${url}/v1/chat/completions`, {
      body: new Uint8Array(bomb),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).message).toContain('once decompressed');
    const fine = await send(`${url}/v1/chat/completions`, {
      body: new Uint8Array(gzipSync(JSON.stringify(chatBody()))),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(fine.status).toBe(200);
  });

  it('refuses invalid UTF-8, broken gzip and negative max_completion_tokens with 400 wrong_api_format', async () => {
    const url = await start();
    const chat = `${url}/v1/chat/completions`;
    const json = Buffer.from(JSON.stringify(chatBody()));
    const invalidUtf8 = Buffer.concat([json.subarray(0, 20), Buffer.from([0xff, 0xfe]), json.subarray(20)]);
    const utf8 = await send(chat, { body: new Uint8Array(invalidUtf8) });
    expect(utf8.status).toBe(400);
    expect(JSON.parse(utf8.body)).toMatchObject({
      code: 'wrong_api_format',
      message: 'Invalid UTF-8; the body must be UTF-8 JSON',
    });
    const gzip = await send(chat, { body: 'not gzip', headers: { 'content-encoding': 'gzip' } });
    expect(JSON.parse(gzip.body).message).toContain('Invalid gzip');
    const negative = await send(chat, { body: chatBody({ max_completion_tokens: -5 }) });
    expect(negative.status).toBe(400);
    expect(JSON.parse(negative.body).message).toBe(
      'max_completion_tokens: Input should be greater than or equal to -1',
    );
    expect((await send(chat, { body: chatBody({ max_completion_tokens: -1 }) })).status).toBe(200);
  });

  it('refuses a body nested deeper than the bound instead of overflowing the stack', async () => {
    const url = await start();
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const body = `{"model":"gpt-oss-120b","messages":[{"role":"user","content":"hi"}],"metadata":${deep}}`;
    const refused = await send(`${url}/v1/chat/completions`, { body });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).message).toContain('nests deeper than 128');
    await stillServes(url);
  });

  it('answers a head over the header limit with 431 and a client too slow to send its head with 408', async () => {
    const url = await start({ limits: { headerBytes: 1024, headersTimeoutMs: 200, requestTimeoutMs: 400 } });
    const huge = await raw(url, `GET /v1/tcp_warming HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(4096)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431/);
    const slow = await raw(url, 'POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n');
    expect(slow).toMatch(/^HTTP\/1\.1 408/);
    await stillServes(url);
  });

  it('refuses reasoning_content on an assistant message with the real message', async () => {
    const url = await start();
    const user = { role: 'user', content: 'Pick bits.' };
    const messages = [user, { role: 'assistant', content: 'ok', reasoning_content: 'hmm' }, user];
    const refused = await send(`${url}/v1/chat/completions`, { body: chatBody({ messages }) });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toEqual({
      message:
        "messages.1.assistant.reasoning_content: property 'messages.1.assistant.reasoning_content' is unsupported",
      type: 'invalid_request_error',
      param: 'validation_error',
      code: 'wrong_api_format',
    });
  });
});
