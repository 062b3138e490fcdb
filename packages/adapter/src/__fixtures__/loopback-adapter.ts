import { type CerebrasConfig, parseConfig } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import {
  createMockCerebrasServer,
  createMockTransport,
  type MockCerebrasServer,
  type MockCerebrasServerOptions,
  type MockTransportOptions,
} from '@acpt/transport-mock';
import type { CerebrasLLMAdapter } from '../adapter/cerebras-llm-adapter.ts';
import { createAdapter } from '../create-adapter.ts';

/** The API key the loopback mock server accepts. */
export const LOOPBACK_API_KEY = 'csk-loopback-test-key-0001';

/** An adapter on the real transport in front of the mock server over 127.0.0.1. */
export interface LoopbackAdapter {
  readonly adapter: CerebrasLLMAdapter;
  readonly server: MockCerebrasServer;
  readonly config: CerebrasConfig;
  /** Chat requests the server received. */
  requestCount(): number;
  /** Cancels the adapter's work, closes its transports, then the server. */
  close(): Promise<void>;
}

/**
 * Starts the mock server with `server` options and an adapter whose live path is `@acpt/transport-cerebras` against
 * it (fast backoff, no batching delay), with the in-process mock (`mock` options, seed 3) as fallback.
 */
export async function startLoopbackAdapter(
  server: MockCerebrasServerOptions = {},
  config: Record<string, unknown> = {},
  mock: MockTransportOptions = {},
): Promise<LoopbackAdapter> {
  const mockServer = await createMockCerebrasServer({ apiKey: LOOPBACK_API_KEY, ...server });
  const parsed = parseConfig({
    baseUrl: mockServer.url,
    apiKey: LOOPBACK_API_KEY,
    mockMode: false,
    fallback: 'throw',
    retry: { initialBackoffMs: 5, maxBackoffMs: 20 },
    batching: { batchSize: 1, maxWaitMs: 0 },
    ...config,
  });
  const adapter = createAdapter({
    config: parsed,
    transport: createCerebrasTransport({ config: parsed }),
    mockTransport: createMockTransport({ seed: 3, ...mock }),
    warn: () => undefined,
  });
  return {
    adapter,
    server: mockServer,
    config: parsed,
    requestCount: () => mockServer.requestCount,
    async close() {
      await adapter.close({ mode: 'cancel' });
      await mockServer.close();
    },
  };
}
