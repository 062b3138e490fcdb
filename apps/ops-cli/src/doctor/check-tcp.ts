import { type CheckRow, errorCode, errorText, row } from './check-row.ts';
import { endpointHost, endpointPort } from './endpoint-port.ts';
import { tcpConnect } from './tcp-connect.ts';

/** Opens a TCP connection to the endpoint's host and port. */
export async function checkTcp(endpoint: URL, timeoutMs: number): Promise<CheckRow> {
  const host = endpointHost(endpoint);
  const port = endpointPort(endpoint);
  try {
    const connectMs = await tcpConnect(host, port, timeoutMs);
    return row('tcp', 'pass', `connected to ${host}:${port} in ${connectMs.toFixed(1)} ms`);
  } catch (error) {
    const code = errorCode(error) ?? errorText(error);
    return row(
      'tcp',
      'fail',
      `cannot connect to ${host}:${port} (${code})`,
      code === 'ECONNREFUSED'
        ? 'Nothing listens there: check the port in CEREBRAS_BASE_URL / --url, or start the server.'
        : 'Check egress firewall rules and proxies between this host and the endpoint (outbound 443 for api.cerebras.ai).',
    );
  }
}
