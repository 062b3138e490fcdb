import { afterEach } from 'vitest';
import { type CerebrasTransport, createCerebrasTransport } from '../create-cerebras-transport.ts';
import { type FixtureHandler, type FixtureServer, startFixtureServer } from './fixture-server.ts';
import { type TestConfigOverrides, testConfig } from './test-config.ts';

/** A transport in front of a fixture server, both closed after each test of the file that calls this. */
export interface ServedTransport {
  /** Starts the fixture server with `handler` and a transport configured for it. */
  serve(handler: FixtureHandler, overrides?: TestConfigOverrides, clock?: () => number): Promise<CerebrasTransport>;
  /** The current test's fixture server (after `serve`). */
  readonly server: FixtureServer | undefined;
  /** Closes the transport and the server now (also done after each test, and by the next `serve`). */
  close(): Promise<void>;
}

/** Registers the `afterEach` that closes what {@link ServedTransport.serve} started. Call at the top of a test file. */
export function servedTransport(): ServedTransport {
  let server: FixtureServer | undefined;
  let transport: CerebrasTransport | undefined;
  const close = async (): Promise<void> => {
    await transport?.close();
    await server?.close();
    transport = undefined;
    server = undefined;
  };
  afterEach(close);
  return {
    async serve(handler, overrides = {}, clock) {
      await close();
      server = await startFixtureServer(handler);
      const config = testConfig({ ...overrides, baseUrl: server.url });
      transport = createCerebrasTransport(clock === undefined ? { config } : { config, clock });
      return transport;
    },
    close,
    get server() {
      return server;
    },
  };
}
