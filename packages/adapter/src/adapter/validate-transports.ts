import { type CerebrasConfig, ConfigError, type ConfigIssue, type Transport } from '@acpt/config';
import type { Route } from '../request/request-run.ts';

/** The transports an adapter was given. */
export interface TransportPair {
  readonly live: Transport | undefined;
  readonly mock: Transport | undefined;
}

/**
 * Where new requests go: `mock` in mock mode (`useMock` overrides `config.mockMode`); `no-key` when live was wanted,
 * the configuration has neither an API key nor a key provider and a mock transport exists (the request is answered by the mock with fallback
 * reason `no_api_key`); `live` otherwise.
 */
export function routeFor(config: CerebrasConfig, useMock: boolean | undefined, transports: TransportPair): Route {
  if (useMock ?? config.mockMode) return 'mock';
  const hasKey = config.apiKey !== undefined || config.apiKeyProvider !== undefined;
  if (!hasKey && transports.mock !== undefined) return 'no-key';
  return 'live';
}

function issue(path: string, message: string): ConfigIssue {
  return { path, expected: 'an injected transport', received: 'undefined', source: { kind: 'override' }, message };
}

/**
 * Throws `ConfigError` when the path the configuration chooses has no transport: live mode without `transport`,
 * mock mode, a missing key or the `mock` fallback without `mockTransport`.
 */
export function assertTransports(
  config: CerebrasConfig,
  useMock: boolean | undefined,
  transports: TransportPair,
): void {
  const route = routeFor(config, useMock, transports);
  const issues: ConfigIssue[] = [];
  if (route === 'mock' && transports.mock === undefined) {
    issues.push(
      issue('mockMode', 'mock mode needs the `mockTransport` option (createMockTransport from @acpt/transport-mock)'),
    );
  }
  if (route === 'live' && transports.live === undefined) {
    issues.push(
      issue(
        'mockMode',
        'live mode needs the `transport` option (createCerebrasTransport from @acpt/transport-cerebras)',
      ),
    );
  }
  if (route === 'live' && config.fallback === 'mock' && transports.mock === undefined) {
    issues.push(issue('fallback', "fallback 'mock' needs the `mockTransport` option, or set fallback to 'throw'"));
  }
  if (issues.length > 0) throw new ConfigError(issues);
}
