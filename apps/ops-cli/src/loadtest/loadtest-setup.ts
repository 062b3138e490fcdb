import { randomBytes } from 'node:crypto';
import { type CerebrasLLMAdapter, createAdapter } from '@acpt/adapter';
import { type CerebrasConfig, createPriceResolver, loadConfig, type ResolvedPrice } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import { createMockTransport } from '@acpt/transport-mock';
import { type Environment, withoutKeyVariables } from '../cli/environment.ts';
import type { LoadtestOptions } from './loadtest-options.ts';
import { type MockServerStats, type RunningMockServer, startMockServer } from './start-mock-server.ts';

/** The system under test: the adapter over the real Cerebras transport, and the mock server it talks to. */
export interface LoadtestSetup {
  readonly config: CerebrasConfig;
  readonly adapter: CerebrasLLMAdapter;
  /** Base URL being driven. */
  readonly endpoint: string;
  /** Whether the load test started the mock server (its token counts are then the mock's). */
  readonly againstMockServer: boolean;
  /** The price of the configured model now (configuration, served catalogue, built-in), if any. */
  priceOfModel(): ResolvedPrice | undefined;
  /** Warnings of the price resolver (an unreachable or malformed catalogue, an unpriced model). */
  readonly pricingWarnings: readonly string[];
  /** Closes the adapter (and its transports), then stops the mock server if the load test started one. */
  close(mode: 'drain' | 'cancel'): Promise<MockServerStats | undefined>;
}

/**
 * Loads the configuration (file and environment as the application would, in live mode), starts the mock server
 * unless `--url` names an endpoint, and builds the adapter with `@acpt/transport-cerebras` as its live transport and
 * `@acpt/transport-mock` as its fallback. A self-started server gets a fresh random key, never printed.
 *
 * @throws {AcptConfigError} when the configuration is invalid (or `--url` is used without a key)
 */
export async function setUpLoadtest(options: LoadtestOptions, env: Environment = process.env): Promise<LoadtestSetup> {
  let server: RunningMockServer | undefined;
  let config: CerebrasConfig;
  if (options.url !== undefined) {
    const baseUrl = options.url.href.replace(/\/+$/, '');
    config = loadConfig({ file: options.configFile, env, overrides: { mockMode: false, baseUrl } });
  } else {
    const apiKey = randomBytes(24).toString('base64url');
    const keyless = withoutKeyVariables(env);
    // Validate before starting anything, so a bad config file costs no server start.
    loadConfig({ file: options.configFile, env: keyless, overrides: { mockMode: false, apiKey } });
    server = await startMockServer({
      placement: options.placement === 'in-process' ? 'in-process' : 'child',
      apiKey,
      spec: { faults: options.faults, latency: options.latency, seed: options.seed, rateLimits: options.quota },
    });
    try {
      config = loadConfig({
        file: options.configFile,
        env: keyless,
        overrides: { mockMode: false, apiKey, baseUrl: server.url },
      });
    } catch (error) {
      await server.stop();
      throw error;
    }
  }
  const transport = createCerebrasTransport({ config });
  const mockTransport = createMockTransport({ seed: config.mock.seed });
  const pricingWarnings: string[] = [];
  const prices = createPriceResolver({
    configured: config.pricing,
    catalogue: transport.priceCatalogue,
    onWarning: (message) => pricingWarnings.push(message),
  });
  // Read the served catalogue before the first request, so that every answer is priced from the same source.
  await prices.refresh();
  const adapter = createAdapter({ config, transport, mockTransport, prices });
  return {
    config,
    adapter,
    endpoint: config.baseUrl,
    againstMockServer: server !== undefined,
    priceOfModel: () => prices.priceOf(config.model),
    pricingWarnings,
    async close(mode): Promise<MockServerStats | undefined> {
      try {
        await adapter.close({ mode });
      } finally {
        await transport.close();
        await mockTransport.close();
      }
      return server?.stop();
    },
  };
}
