import { type CerebrasLLMAdapter, createAdapter } from '@acpt/adapter';
import { parseConfig } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import {
  createMockCerebrasServer,
  createMockTransport,
  type MockCerebrasServer,
  type MockCerebrasServerOptions,
} from '@acpt/transport-mock';
import { afterEach } from 'vitest';
import { type AcptCerebrasProvider, createAcptCerebras } from '../create-acpt-cerebras.ts';

/** A provider over an adapter whose live path is the real transport against the mock server on 127.0.0.1. */
export interface ServedProvider {
  readonly cerebras: AcptCerebrasProvider;
  readonly adapter: CerebrasLLMAdapter;
  readonly server: MockCerebrasServer;
}

const apiKey = 'csk-ai-sdk-test-key-0001';

/** Registers the `afterEach` that closes every served provider; `serve` starts one (fast retries, no batching). */
export function servedProviders(): {
  serve(server?: MockCerebrasServerOptions, config?: Record<string, unknown>): Promise<ServedProvider>;
} {
  const open: ServedProvider[] = [];
  afterEach(async () => {
    for (const served of open.splice(0)) {
      await served.adapter.close({ mode: 'cancel' });
      await served.server.close();
    }
  });
  return {
    async serve(server = {}, config = {}) {
      const mockServer = await createMockCerebrasServer({ apiKey, ...server });
      const parsed = parseConfig({
        baseUrl: mockServer.url,
        apiKey,
        mockMode: false,
        fallback: 'throw',
        retry: { initialBackoffMs: 5, maxBackoffMs: 20 },
        batching: { batchSize: 1, maxWaitMs: 0 },
        ...config,
      });
      const adapter = createAdapter({
        config: parsed,
        transport: createCerebrasTransport({ config: parsed }),
        mockTransport: createMockTransport({ seed: 3 }),
      });
      const served = { cerebras: createAcptCerebras({ adapter }), adapter, server: mockServer };
      open.push(served);
      return served;
    },
  };
}
