import { ProxyAgent } from 'undici';
import type { TransportSettings } from '../settings/resolve-transport-settings.ts';

/**
 * The transport's pool behind an egress proxy: undici's `ProxyAgent`, which opens an HTTP `CONNECT` tunnel (for the
 * loopback `http://` endpoints too, so the proxy never sees a request or its `Authorization` header and keep-alive
 * survives proxies that close forwarded connections) and runs TLS to an https endpoint inside it, verified against the same trust as a direct connection
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
    // CONNECT for http:// endpoints (loopback only) too: keep-alive survives, the proxy never parses the request.
    proxyTunnel: true,
    headersTimeout: 0,
    bodyTimeout: 0,
    requestTls: { rejectUnauthorized: true, ...trust },
    proxyTls: { rejectUnauthorized: true, ...trust },
  });
}
