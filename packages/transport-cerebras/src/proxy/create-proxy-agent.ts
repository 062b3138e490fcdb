import { ProxyAgent } from 'undici';
import type { TransportSettings } from '../settings/resolve-transport-settings.ts';

/**
 * The transport's pool behind an egress proxy: undici's `ProxyAgent`, which opens an HTTP `CONNECT` tunnel for the
 * https endpoint and runs TLS to the endpoint inside it, verified against the same trust as a direct connection
 * (system CAs plus `tls.caFile`), so the proxy never sees the key or the traffic. Credentials in the proxy URL become
 * its `Proxy-Authorization` header. Headers and idle deadlines stay the transport's own; the connect deadline is
 * undici's (`connectTimeout`, covering the proxy and the tunnelled TLS handshake).
 */
export function createProxyAgent(settings: TransportSettings, proxyUrl: string): ProxyAgent {
  const { timeouts, connection, ca } = settings;
  const trust = ca === undefined ? {} : { ca: [...ca] };
  return new ProxyAgent({
    uri: proxyUrl,
    connections: connection.connections,
    allowH2: connection.http2,
    connectTimeout: timeouts.connectMs,
    headersTimeout: 0,
    bodyTimeout: 0,
    requestTls: { rejectUnauthorized: true, ...trust },
    proxyTls: { rejectUnauthorized: true, ...trust },
  });
}
