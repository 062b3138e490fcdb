import type { ChatRequest } from '@acpt/config';
import { AbortedError, estimatePromptTokens, estimateTextTokens } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { collectEvents } from '../__fixtures__/collect-events.ts';
import { createVirtualClock } from '../clock/virtual-clock.ts';
import { createMockTransport } from './create-mock-transport.ts';

const request: ChatRequest = {
  model: 'gpt-oss-120b',
  messages: [
    { role: 'system', content: 'You steer a reconfigurable intelligent surface.' },
    { role: 'user', content: 'Pick RIS phase bits for vehicle 3.' },
  ],
  temperature: 0.2,
};

describe('createMockTransport', () => {
  it('answers deterministically, with estimated usage and Cerebras-style metadata', async () => {
    const first = await createMockTransport({ seed: 3 }).complete(request);
    const second = await createMockTransport({ seed: 3 }).complete(request);
    expect(second).toEqual(first);
    expect(first.provider).toBe('acpt.mock');
    expect(first.model).toBe('gpt-oss-120b');
    expect(first.id).toMatch(/^chatcmpl-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(first.text).toMatch(/^Mock reply to "Pick RIS phase bits for vehicle 3\.": [A-Z]/);
    expect(first.finishReason).toBe('stop');
    expect(first.usage).toEqual({
      promptTokens: estimatePromptTokens(request.messages),
      completionTokens: estimateTextTokens(first.text),
      totalTokens: estimatePromptTokens(request.messages) + estimateTextTokens(first.text),
      cachedTokens: 0,
    });
    expect(first.timeInfo?.totalTime).toBeGreaterThan(0);
    expect(first.latency).toEqual({ totalMs: 0, headersMs: 0 });
  });

  it('varies the reply with the seed and the parameters, not with the request index', async () => {
    const transport = createMockTransport({ seed: 3 });
    const base = await transport.complete(request);
    expect((await transport.complete(request)).text).toBe(base.text);
    expect((await createMockTransport({ seed: 4 }).complete(request)).text).not.toBe(base.text);
    expect((await transport.complete({ ...request, temperature: 0.3 })).text).not.toBe(base.text);
    expect(transport.requestCount).toBe(3);
  });

  it('fills in the default model and passes the responder its context', async () => {
    const seen: unknown[] = [];
    const transport = createMockTransport({
      seed: 9,
      model: 'qwen-3.8-27b',
      responder: (chat, context) => {
        seen.push({ ...context, requested: chat.model });
        return '{"bits":2}';
      },
    });
    const response = await transport.complete({ messages: request.messages });
    await transport.complete({ messages: request.messages });
    expect(response.text).toBe('{"bits":2}');
    expect(response.model).toBe('qwen-3.8-27b');
    expect(seen).toEqual([
      { requested: 'qwen-3.8-27b', model: 'qwen-3.8-27b', seed: 9, index: 0 },
      { requested: 'qwen-3.8-27b', model: 'qwen-3.8-27b', seed: 9, index: 1 },
    ]);
  });

  it('streams pieces that join to the reply, then one finish with the same response', async () => {
    const transport = createMockTransport({ streamChunkTokens: 2 });
    const whole = await transport.complete(request);
    const events = await collectEvents(transport.stream(request));
    const deltas = events.filter((event) => event.type === 'text-delta');
    expect(deltas.length).toBe(Math.ceil(whole.text.length / 8));
    expect(deltas.map((event) => event.text).join('')).toBe(whole.text);
    const last = events.at(-1);
    expect(events.filter((event) => event.type === 'finish')).toHaveLength(1);
    expect(last?.type === 'finish' && { ...last.response, latency: whole.latency }).toEqual(whole);
  });

  it('cuts at stop sequences and at maxCompletionTokens', async () => {
    const transport = createMockTransport({ responder: () => 'alpha beta END gamma delta epsilon' });
    const stopped = await transport.complete({ ...request, stop: ['END', 'gamma'] });
    expect(stopped).toMatchObject({ text: 'alpha beta ', finishReason: 'stop' });
    const limited = await transport.complete({ ...request, maxCompletionTokens: 2 });
    expect(limited).toMatchObject({ text: 'alpha be', finishReason: 'length', usage: { completionTokens: 2 } });
  });

  it('rejects an invalid request with the 400 wrong_api_format a real endpoint sends', async () => {
    const error = await createMockTransport()
      .complete({ messages: [] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: 'ACPT_HTTP_STATUS', retryable: false });
    expect((error as Error).message).toContain('List should have at least 1 item');
  });

  it('serves only the listed models when given a list', async () => {
    const transport = createMockTransport({ models: ['gpt-oss-120b'] });
    await expect(transport.complete({ ...request, model: 'qwen-3-32b' })).rejects.toMatchObject({
      name: 'NotFoundError',
      errorCode: 'model_not_found',
    });
  });
});

describe('createMockTransport in virtual time', () => {
  it('waits the fixed latency, time to first token and token rate on the injected clock', async () => {
    const clock = createVirtualClock();
    const latency = { kind: 'fixed', ms: 500, timeToFirstTokenMs: 100, tokensPerSecond: 1000 } as const;
    const transport = createMockTransport({ clock, latency, responder: () => 'x'.repeat(40) });
    let settled = false;
    const pending = transport.complete(request).then((response) => {
      settled = true;
      return response;
    });
    await clock.advance(609);
    expect(settled).toBe(false);
    await clock.advance(1);
    const response = await pending;
    expect(response.latency).toEqual({ totalMs: 610, headersMs: 610 });
    expect(response.timeInfo).toMatchObject({ promptTime: 0.5, completionTime: 0.11 });
  });

  it('reports stream timings from the model', async () => {
    const clock = createVirtualClock({ autoAdvance: true });
    const latency = { kind: 'fixed', ms: 200, timeToFirstTokenMs: 50, tokensPerSecond: 100 } as const;
    const transport = createMockTransport({ clock, latency, streamChunkTokens: 5, responder: () => 'y'.repeat(40) });
    const events = await collectEvents(transport.stream(request));
    const finish = events.at(-1);
    expect(finish?.type === 'finish' && finish.response.latency).toEqual({
      totalMs: 200 + 50 + 100,
      headersMs: 200,
      timeToFirstTokenMs: 300,
    });
    expect(clock.now()).toBe(350);
  });

  it('draws seeded latency within bounds, the same for the same seed and index', async () => {
    const run = async (seed: number): Promise<number[]> => {
      const clock = createVirtualClock({ autoAdvance: true });
      const transport = createMockTransport({ clock, latency: { kind: 'seeded', minMs: 10, maxMs: 90, seed } });
      const waits: number[] = [];
      for (let index = 0; index < 20; index += 1) waits.push((await transport.complete(request)).latency.totalMs);
      return waits;
    };
    const waits = await run(1);
    expect(await run(1)).toEqual(waits);
    expect(await run(2)).not.toEqual(waits);
    for (const wait of waits) expect(wait >= 10 && wait <= 90).toBe(true);
    expect(new Set(waits).size).toBeGreaterThan(15);
  });

  it('rejects with the signal reason, before and while waiting', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock, latency: { kind: 'fixed', ms: 1000 } });
    const reason = new Error('caller gave up');
    await expect(transport.complete(request, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    const controller = new AbortController();
    const pending = transport.complete(request, { signal: controller.signal });
    await clock.advance(10);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    const streamController = new AbortController();
    const iterator = transport.stream(request, { signal: streamController.signal })[Symbol.asyncIterator]();
    const next = iterator.next();
    await clock.advance(10);
    streamController.abort(reason);
    await expect(next).rejects.toBe(reason);
    expect(clock.pendingSleeps).toBe(0);
  });

  it('cancels calls in flight on close and refuses later ones', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock, latency: { kind: 'fixed', ms: 1000 } });
    const pending = transport.complete(request);
    await clock.advance(1);
    await transport.close();
    await transport.close();
    const error = await pending.catch((caught: unknown) => caught);
    expect(AbortedError.isInstance(error)).toBe(true);
    await expect(transport.complete(request)).rejects.toSatisfy(AbortedError.isInstance);
  });

  it('counts quotas down and refuses with a real 429 until the window resets', async () => {
    const clock = createVirtualClock({ startMs: 1_767_225_600_000 + 59_000 });
    const transport = createMockTransport({ clock, rateLimits: { requestsPerMinute: 2, tokensPerDay: 1_000_000 } });
    const first = await transport.complete(request);
    expect(first.rateLimit?.requests.minute).toEqual({ limit: 2, remaining: 1, resetSeconds: 1 });
    const tokensLeft = first.rateLimit?.tokens.day?.remaining;
    expect(tokensLeft).toBe(1_000_000 - first.usage!.totalTokens);
    await transport.complete(request);
    const refused = await transport.complete(request).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({
      name: 'RateLimitError',
      kind: 'request_quota',
      window: 'minute',
      retryAfterMs: 1000,
    });
    await clock.advance(1000);
    const renewed = await transport.complete(request);
    expect(renewed.rateLimit?.requests.minute).toEqual({ limit: 2, remaining: 1, resetSeconds: 60 });
  });
});
