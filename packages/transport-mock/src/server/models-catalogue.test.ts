import { afterEach, describe, expect, it } from 'vitest';
import { createMockCerebrasServer, type MockCerebrasServer } from './create-mock-cerebras-server.ts';

let server: MockCerebrasServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function getJson(url: string, apiKey?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, apiKey === undefined ? {} : { headers: { authorization: `Bearer ${apiKey}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the mock server catalogue', () => {
  it('serves pricing in the openrouter format as USD-per-token strings, the built-in list prices by default', async () => {
    server = await createMockCerebrasServer({ apiKey: 'k' });
    const { status, body } = await getJson(`${server.url}/v1/models?format=openrouter`, 'k');
    expect(status).toBe(200);
    expect(body.data).toEqual([
      {
        id: 'gpt-oss-120b',
        name: 'gpt-oss-120b',
        created: expect.any(Number),
        pricing: { prompt: '0.00000035', completion: '0.00000075', input_cache_read: '0.00000035' },
      },
      { id: 'qwen-3.8-27b', name: 'qwen-3.8-27b', created: expect.any(Number) },
    ]);
    const plain = await getJson(`${server.url}/v1/models`, 'k');
    expect((plain.body.data as Record<string, unknown>[])[0]).toEqual({
      id: 'gpt-oss-120b',
      object: 'model',
      created: expect.any(Number),
      owned_by: 'Cerebras',
    });
  });

  it('serves configured prices, also in the public catalogue, and authenticates the openrouter list', async () => {
    server = await createMockCerebrasServer({
      apiKey: 'k',
      prices: { 'qwen-3.8-27b': { inputUsdPerMillion: 0.2, cachedInputUsdPerMillion: 0.05, outputUsdPerMillion: 0.6 } },
    });
    const { body } = await getJson(`${server.url}/public/v1/models`);
    expect((body.data as Record<string, unknown>[])[1]).toMatchObject({
      id: 'qwen-3.8-27b',
      pricing: { prompt: '0.0000002', completion: '0.0000006', input_cache_read: '0.00000005' },
    });
    expect((body.data as Record<string, unknown>[])[0]?.pricing).toBeUndefined();
    expect((await getJson(`${server.url}/v1/models?format=openrouter`)).status).toBe(403);
  });
});
