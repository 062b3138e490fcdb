import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ChatResponse, Transport } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../__fixtures__/test-config.ts';
import { createAdapter } from '../create-adapter.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const reply: ChatResponse = {
  id: 'chatcmpl-1',
  model: 'gpt-oss-120b',
  provider: 'instant',
  text: 'ok',
  finishReason: 'stop',
  usage: { promptTokens: 3, completionTokens: 1, totalTokens: 4 },
  latency: { totalMs: 0 },
};

/** Answers at once; prompts ending in 7 fail (not retryable), so the error paths are exercised too. */
const instant: Transport = {
  provider: 'instant',
  complete: (request) =>
    request.messages.at(-1)?.content?.endsWith('7') === true
      ? Promise.reject(Object.assign(new Error('flaky'), { retryable: false }))
      : Promise.resolve(reply),
  stream: () => {
    throw new Error('not used');
  },
  close: async () => undefined,
};

async function drive(adapter: ReturnType<typeof createAdapter>, count: number, offset: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = offset + next++;
      await adapter.generate(`request ${index}`).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
}

describe('memory', () => {
  it('stays flat over 100,000 requests with listeners attached', async () => {
    const adapter = createAdapter({
      config: testConfig({ batching: { batchSize: 1, maxWaitMs: 0, maxInFlight: 64, queueLimit: 100_000 } }),
      transport: instant,
    });
    let ends = 0;
    adapter.on('request-end', () => {
      ends++;
    });
    await drive(adapter, 20_000, 0);
    gc();
    const before = process.memoryUsage().heapUsed;
    await drive(adapter, 80_000, 20_000);
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    expect(ends).toBe(100_000);
    const diagnostics = adapter.diagnostics();
    expect(diagnostics.counts.submitted).toBe(100_000);
    expect(diagnostics.counts.succeeded + diagnostics.counts.failed).toBe(100_000);
    expect(diagnostics.lastErrors.length).toBe(10);
    expect(growth).toBeLessThan(2_000_000);
    await adapter.close();
  });
});
