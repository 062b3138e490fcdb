import { describe, expect, it } from 'vitest';
import { startMockServer } from './start-mock-server.ts';

async function listModels(url: string, key: string): Promise<number> {
  const response = await fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
  await response.body?.cancel();
  return response.status;
}

describe('startMockServer', () => {
  it.each(['child', 'in-process'] as const)('serves the mock endpoint on loopback (%s)', async (placement) => {
    const server = await startMockServer({
      placement,
      apiKey: 'test-key',
      spec: { faults: [], latency: { kind: 'none' }, seed: 1 },
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await listModels(server.url, 'test-key')).toBe(200);
    expect(await listModels(server.url, 'wrong-key')).toBe(401);
    const stats = await server.stop();
    expect(stats.requestCount).toBe(0);
    if (placement === 'child') expect(stats.peakRssMiB).toBeGreaterThan(0);
  });
});
