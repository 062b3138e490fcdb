import { isExemptFromProxy } from './no-proxy.ts';
import { redactProxyUrl } from './redact-proxy-url.ts';

/** The egress proxy a transport uses for its endpoint, decided once at creation. */
export interface ResolvedProxy {
  /** The proxy URL with its credentials, or `undefined` for a direct connection. Never print it: use `display`. */
  readonly url: string | undefined;
  /** The proxy URL with the password replaced by `[redacted]`, or `direct`. */
  readonly display: string;
  /** Why: `connection.proxy`, `env HTTPS_PROXY`, `NO_PROXY matches <host>`, `no proxy variable set`, `none`. */
  readonly reason: string;
}

/** What {@link resolveProxy} decides from. */
export interface ResolveProxyOptions {
  /** `config.connection.proxy`: `env`, `none` or a URL. */
  readonly setting: string;
  /** The environment the proxy variables are read from. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The endpoint's URL. */
  readonly endpoint: URL;
}

function variable(env: ResolveProxyOptions['env'], name: string): { name: string; value: string } | undefined {
  for (const candidate of [name.toLowerCase(), name]) {
    const value = env[candidate]?.trim();
    if (value) return { name: candidate, value };
  }
  return undefined;
}

/**
 * Decides the proxy for the endpoint: an explicit `connection.proxy` URL always; `none` never; `env` (the default)
 * follows `https_proxy` / `HTTPS_PROXY` for https endpoints (`http_proxy` / `HTTP_PROXY` otherwise, and as the
 * https fallback, as undici and curl do) unless `no_proxy` / `NO_PROXY` exempts the endpoint's host.
 */
export function resolveProxy(options: ResolveProxyOptions): ResolvedProxy {
  const { setting, env, endpoint } = options;
  const direct = (reason: string): ResolvedProxy => ({ url: undefined, display: 'direct', reason });
  if (setting === 'none') return direct('connection.proxy is none');
  if (setting !== 'env') return { url: setting, display: redactProxyUrl(setting), reason: 'connection.proxy' };
  const https = endpoint.protocol === 'https:';
  const chosen = (https ? variable(env, 'HTTPS_PROXY') : undefined) ?? variable(env, 'HTTP_PROXY');
  if (chosen === undefined) return direct('no proxy variable set');
  const port = Number(endpoint.port) || (https ? 443 : 80);
  const noProxy = variable(env, 'NO_PROXY');
  if (noProxy !== undefined && isExemptFromProxy(noProxy.value, endpoint.hostname, port)) {
    return direct(`${noProxy.name} exempts ${endpoint.hostname}`);
  }
  return { url: chosen.value, display: redactProxyUrl(chosen.value), reason: `env ${chosen.name}` };
}
