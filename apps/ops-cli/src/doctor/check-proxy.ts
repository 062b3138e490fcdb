import { type CerebrasConfig, ProxyError, Secret } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import type { Environment } from '../cli/environment.ts';
import { type CheckRow, errorText, row } from './check-row.ts';

/** The proxy row, and whether calls go through a proxy (then the direct DNS/TCP/TLS checks do not apply). */
export interface ProxyCheck {
  readonly row: CheckRow;
  readonly viaProxy: boolean;
}

const proxyFixes: Readonly<Record<ProxyError['problem'], string>> = {
  refused: 'Check the proxy host and port in HTTPS_PROXY / connection.proxy, and that the proxy is running.',
  'auth-required': 'Put the proxy credentials in the proxy URL: http://user:password@proxy:3128.',
  'tunnel-refused': 'The proxy refused CONNECT to the endpoint: allow the endpoint host and port 443 on the proxy.',
  closed: 'The proxy dropped the connection: check its logs and connection limits.',
};

/**
 * Which egress proxy the transport would use for the endpoint (`connection.proxy`, or `HTTPS_PROXY` / `NO_PROXY`
 * from `env`), credentials redacted, and whether the endpoint is reachable through it: a keyless
 * `GET /v1/tcp_warming` through the `CONNECT` tunnel with TLS verified end to end (time measured).
 */
export async function checkProxy(config: CerebrasConfig, env: Environment, timeoutMs: number): Promise<ProxyCheck> {
  // The probe sends no key; the transport only needs one to be created.
  const transport = createCerebrasTransport({
    config: { ...config, apiKey: new Secret('doctor-probe-sends-no-key') },
    env,
    watchKeyFile: false,
  });
  const { display, reason } = transport.proxy;
  try {
    if (display === 'direct')
      return { row: row('proxy', 'pass', `none: direct connection (${reason})`), viaProxy: false };
    try {
      const ms = await transport.probe({ signal: AbortSignal.timeout(timeoutMs) });
      const how = config.baseUrl.startsWith('https:')
        ? 'CONNECT tunnel, TLS verified end to end'
        : 'forwarded (plain http)';
      const detail = `${display} (${reason}); endpoint reachable through it (${how}): GET /v1/tcp_warming in ${Math.round(ms)} ms (measured)`;
      return { row: row('proxy', 'pass', detail), viaProxy: true };
    } catch (error) {
      const fix = ProxyError.isInstance(error)
        ? proxyFixes[error.problem]
        : 'If the proxy inspects TLS, set tls.caFile (ACPT_TLS_CA_FILE) to its CA certificate; otherwise check the endpoint.';
      return { row: row('proxy', 'fail', `${display} (${reason}): ${errorText(error)}`, fix), viaProxy: true };
    }
  } finally {
    await transport.close();
  }
}
