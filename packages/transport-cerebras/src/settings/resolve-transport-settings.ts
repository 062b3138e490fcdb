import { readFileSync } from 'node:fs';
// A namespace import: a named one of a function that older Node.js lacks fails at link time, before the Node.js
// version check of @acpt/config can explain it.
import * as tls from 'node:tls';
import {
  AcptConfigError,
  type CerebrasConfig,
  type ConfigIssue,
  type ConnectionSettings,
  isApiKeyProvider,
  Secret,
  type TimeoutSettings,
} from '@acpt/config';
import type { ResolvedProxy } from '../proxy/resolve-proxy.ts';
import { VERSION } from '../version.ts';
import { isLoopbackHost } from './is-loopback-host.ts';

/** Everything a transport needs, checked and precomputed once at creation (never on the hot path). */
export interface TransportSettings {
  /** `https://host[:port]` of the endpoint. */
  readonly origin: string;
  /** Path prefix before `/v1/…` (empty for `https://api.cerebras.ai`). */
  readonly basePath: string;
  /** Host name for telemetry (`server.address`), IPv6 without brackets. */
  readonly serverAddress: string;
  /** Port for telemetry (`server.port`), the scheme's default when the URL names none. */
  readonly serverPort: number;
  /** Model used when a request names none. */
  readonly model: string;
  /** `max_completion_tokens` sent when a request sets none. */
  readonly maxCompletionTokens: number;
  /** Per-attempt deadlines. */
  readonly timeouts: TimeoutSettings;
  /** Connection pool settings. */
  readonly connection: ConnectionSettings;
  /** Trusted CA certificates (system ones plus `tls.caFile`), or `undefined` for Node's defaults. */
  readonly ca: readonly string[] | undefined;
  /** The key these headers carry, kept to scrub it out of any error text (a rotating key gets settings per key). */
  readonly apiKey: Secret;
  /** The egress proxy, when the transport decided on one (`createCerebrasTransport` does). */
  readonly proxy?: ResolvedProxy;
  /** Headers of a non-streaming chat request. */
  readonly jsonHeaders: Readonly<Record<string, string>>;
  /** Headers of a streaming chat request. */
  readonly streamHeaders: Readonly<Record<string, string>>;
  /** Headers of an authenticated `GET` (`/v1/models`). */
  readonly getHeaders: Readonly<Record<string, string>>;
  /** Headers of the unauthenticated warm-up `GET`. */
  readonly warmHeaders: Readonly<Record<string, string>>;
}

/** `User-Agent` of every request: package, version and runtime. */
export const USER_AGENT: string = `acpt-transport-cerebras/${VERSION} node/${process.versions.node}`;

function issue(path: string, expected: string, received: string, message: string): ConfigIssue {
  return { path, expected, received, source: { kind: 'override' }, message };
}

function parseBaseUrl(baseUrl: string, issues: ConfigIssue[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    issues.push(issue('baseUrl', 'an absolute http(s) URL', baseUrl, `"${baseUrl}" is not a URL`));
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    issues.push(
      issue('baseUrl', 'an https:// URL', url.protocol, 'only https:// (and http:// to loopback) is supported'),
    );
    return undefined;
  }
  if (url.username !== '' || url.password !== '') {
    issues.push(issue('baseUrl', 'a URL without credentials', '[redacted]', 'put the key in apiKey, not in the URL'));
    return undefined;
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    issues.push(
      issue(
        'baseUrl',
        'https://, or http:// to a loopback host',
        url.origin,
        `plain http:// is refused for ${url.hostname}: the key would cross the network unencrypted; use https://`,
      ),
    );
    return undefined;
  }
  return url;
}

function readCaFile(caFile: string, issues: ConfigIssue[]): string[] | undefined {
  let pem: string;
  try {
    pem = readFileSync(caFile, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    issues.push(issue('tls.caFile', 'a readable PEM file', caFile, `cannot read the CA file (${reason})`));
    return undefined;
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    issues.push(issue('tls.caFile', 'a PEM certificate', caFile, 'the CA file holds no PEM certificate'));
    return undefined;
  }
  return [...tls.getCACertificates('default'), pem];
}

/**
 * Checks a configuration for what the transport needs and precomputes headers and the endpoint.
 *
 * @throws {AcptConfigError} without an API key or key provider, for a malformed base URL, `http://` to a non-loopback host, or an
 * unreadable `tls.caFile`
 */
export function resolveTransportSettings(config: CerebrasConfig): TransportSettings {
  const issues: ConfigIssue[] = [];
  const url = parseBaseUrl(config.baseUrl, issues);
  const provider = isApiKeyProvider(config.apiKeyProvider) ? config.apiKeyProvider : undefined;
  // With a provider the key may not be loaded yet: calls get settings for their key; this one is never sent.
  const apiKey = config.apiKey ?? provider?.current() ?? (provider === undefined ? undefined : new Secret(''));
  if (!Secret.isInstance(apiKey) || (provider === undefined && apiKey.reveal().trim() === '')) {
    issues.push({
      path: 'apiKey',
      expected: 'a Cerebras API key',
      received: apiKey === undefined ? 'nothing' : '[redacted]',
      source: { kind: 'default' },
      message: 'the live transport needs a key: set CEREBRAS_API_KEY (or CEREBRAS_API_KEY_FILE), or use mock mode',
    });
  }
  const ca = config.tls.caFile === undefined ? undefined : readCaFile(config.tls.caFile, issues);
  if (issues.length > 0 || url === undefined || !Secret.isInstance(apiKey)) throw new AcptConfigError(issues);

  const common: Record<string, string> = { authorization: `Bearer ${apiKey.reveal()}`, 'user-agent': USER_AGENT };
  if (config.apiVersionPatch !== undefined) common['x-cerebras-version-patch'] = String(config.apiVersionPatch);
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return {
    origin: url.origin,
    basePath: url.pathname.replace(/\/+$/, '').replace(/\/v1$/, ''),
    serverAddress: hostname,
    serverPort: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
    model: config.model,
    maxCompletionTokens: config.maxCompletionTokens,
    timeouts: config.timeouts,
    connection: config.connection,
    ca,
    apiKey,
    jsonHeaders: { ...common, 'content-type': 'application/json', accept: 'application/json' },
    streamHeaders: { ...common, 'content-type': 'application/json', accept: 'text/event-stream' },
    getHeaders: { ...common, accept: 'application/json' },
    warmHeaders: { 'user-agent': USER_AGENT },
  };
}
