import { Agent, type Dispatcher } from 'undici';
import { createProxyAgent } from '../proxy/create-proxy-agent.ts';
import type { TransportSettings } from '../settings/resolve-transport-settings.ts';
import { createConnector } from './create-connector.ts';

/**
 * The transport's own keep-alive pool: `connection.connections` sockets to the endpoint, HTTP/2 only when
 * `connection.http2` is set (undici would otherwise negotiate it by default), certificate verification always on with
 * the extra CA of `tls.caFile`, and a precise connect deadline; behind an egress proxy, a `ProxyAgent` instead. Headers and idle deadlines are enforced per call by
 * the transport's own timers, so undici's coarse ones are switched off.
 */
export function createAgent(settings: TransportSettings): Dispatcher {
  if (settings.proxy?.url !== undefined) return createProxyAgent(settings, settings.proxy.url);
  const { timeouts, connection, ca } = settings;
  return new Agent({
    connections: connection.connections,
    allowH2: connection.http2,
    connect: createConnector({ timeoutMs: timeouts.connectMs, allowH2: connection.http2, ca }),
    headersTimeout: 0,
    bodyTimeout: 0,
  });
}
