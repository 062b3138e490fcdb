import { afterEach, describe, expect, it } from 'vitest';
import { chatBody, send, testAgent } from '../__fixtures__/wire-client.ts';
import { createMockCerebrasServer, type MockCerebrasServer } from '../server/create-mock-cerebras-server.ts';

let server: MockCerebrasServer | undefined;

/** Resolves once the server has received `count` chat requests (arrival order without relying on timing). */
async function received(count: number): Promise<void> {
  while ((server?.requestCount ?? 0) < count) await new Promise((resolve) => setTimeout(resolve, 2));
}
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the mock server with a load model', () => {
  it('serves two at once, queues one behind them, and refuses the fourth with 429 queue_exceeded', async () => {
    server = await createMockCerebrasServer({ load: { slots: 2, queueLimit: 1 }, latency: { kind: 'fixed', ms: 150 } });
    const dispatcher = testAgent();
    const url = `${server.url}/v1/chat/completions`;
    const finished: number[] = [];
    const results = await Promise.all(
      [0, 1, 2, 3].map(async (index) => {
        // Arrivals in a known order: each request has reached the server before the next is sent.
        await received(index);
        const result = await send(url, { body: chatBody({ seed: index }), dispatcher });
        finished.push(index);
        return result;
      }),
    );
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 429]);
    expect(JSON.parse(results[3]?.body ?? '{}')).toMatchObject({
      type: 'too_many_requests_error',
      param: 'queue',
      code: 'queue_exceeded',
    });
    // The refused one answers at once; the queued one ends last, after a slot freed up.
    expect(finished[0]).toBe(3);
    expect(finished.at(-1)).toBe(2);
    while (server.load?.busy !== 0) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(server.load).toEqual({ busy: 0, waiting: 0, refused: 1 });
    await dispatcher.close();
  });

  it('a client that gives up while queued leaves the queue, so the next arrival gets its place', async () => {
    server = await createMockCerebrasServer({ load: { slots: 1, queueLimit: 1 }, latency: { kind: 'fixed', ms: 300 } });
    const dispatcher = testAgent();
    const url = `${server.url}/v1/chat/completions`;
    const first = send(url, { body: chatBody({ seed: 1 }), dispatcher });
    await received(1);
    const controller = new AbortController();
    const abandoned = fetch(url, {
      method: 'POST',
      body: JSON.stringify(chatBody({ seed: 2 })),
      headers: { 'content-type': 'application/json' },
      signal: controller.signal,
    }).catch((error: unknown) => error);
    await received(2);
    controller.abort();
    await abandoned;
    while (server.load?.waiting !== 0) await new Promise((resolve) => setTimeout(resolve, 2));
    const third = await send(url, { body: chatBody({ seed: 3 }), dispatcher });
    expect((await first).status).toBe(200);
    expect(third.status).toBe(200);
    await dispatcher.close();
  });
});
