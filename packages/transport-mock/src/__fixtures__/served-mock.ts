import { afterEach } from 'vitest';
import { createMockCerebrasServer, type MockCerebrasServer } from '../server/create-mock-cerebras-server.ts';
import type { MockCerebrasServerOptions } from '../server/server-options.ts';

/** A mock server per test, closed after each: `start(options)` resolves with its URL, `current()` is the server. */
export function useMockServer(): {
  start(options?: MockCerebrasServerOptions): Promise<string>;
  current(): MockCerebrasServer | undefined;
} {
  let server: MockCerebrasServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return {
    async start(options: MockCerebrasServerOptions = {}): Promise<string> {
      server = await createMockCerebrasServer(options);
      return server.url;
    },
    current: () => server,
  };
}
