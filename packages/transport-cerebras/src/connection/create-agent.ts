import { Agent } from 'undici';
import type { TransportSettings } from '../settings/resolve-transport-settings.ts';

/**
 * The transport's own keep-alive pool: `connection.connections` sockets to the endpoint, HTTP/2 only when
 * `connection.http2` is set (undici would otherwise negotiate it by default), certificate verification always on with
 * the extra CA of `tls.caFile`, and the connect, headers and idle deadlines of `timeouts`.
 */
export function createAgent(settings: TransportSettings): Agent {
  const { timeouts, connection, ca } = settings;
  return new Agent({
    connections: connection.connections,
    allowH2: connection.http2,
    connect: {
      timeout: timeouts.connectMs,
      rejectUnauthorized: true,
      ...(ca === undefined ? {} : { ca: [...ca] }),
    },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.idleMs,
  });
}
