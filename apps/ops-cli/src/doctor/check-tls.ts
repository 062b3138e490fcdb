import { type CheckRow, errorCode, errorText, row } from './check-row.ts';
import { endpointHost, endpointPort } from './endpoint-port.ts';
import { inspectTls } from './inspect-tls.ts';
import { isLoopbackHost } from './is-loopback-host.ts';

const dayMs = 86_400_000;
/** Fewer days than this to expiry is a warning. */
export const expiryWarningDays = 14;

const untrustedFix =
  'The certificate is not signed by a trusted CA: put the PEM of the CA that signed it in a file and set ' +
  'ACPT_TLS_CA_FILE (config tls.caFile), or NODE_EXTRA_CA_CERTS. Never disable verification.';

/**
 * Makes a TLS handshake with the endpoint and reports the certificate's subject, issuer and days to expiry.
 * Skipped for `http://` endpoints on loopback (the mock server); `http://` elsewhere fails.
 */
export async function checkTls(
  endpoint: URL,
  options: { readonly caFile?: string; readonly timeoutMs: number; readonly now?: Date },
): Promise<CheckRow> {
  const host = endpointHost(endpoint);
  if (endpoint.protocol === 'http:') {
    return isLoopbackHost(host)
      ? row('tls', 'skip', `http:// on loopback (${host}): no TLS to check`)
      : row('tls', 'fail', `http:// to ${host}: the key would cross the network in clear text`, 'Use https://.');
  }
  try {
    const tls = await inspectTls({
      host,
      port: endpointPort(endpoint),
      caFile: options.caFile,
      timeoutMs: options.timeoutMs,
    });
    const days = Math.floor((tls.validTo.getTime() - (options.now ?? new Date()).getTime()) / dayMs);
    const summary = `${tls.protocol}, subject ${tls.subject}, issuer ${tls.issuer}, expires ${tls.validTo.toISOString().slice(0, 10)} (${days} days)`;
    if (!tls.authorized) {
      const reason = tls.authorizationError ?? 'unknown reason';
      const fix = reason.includes('ALTNAME')
        ? 'The certificate does not name this host: use the host it was issued for.'
        : untrustedFix;
      return row('tls', 'fail', `certificate not trusted (${reason}): ${summary}`, fix);
    }
    if (days < 0) return row('tls', 'fail', `certificate expired: ${summary}`, 'Renew the endpoint certificate.');
    if (days < expiryWarningDays) {
      return row('tls', 'warn', `certificate expires soon: ${summary}`, 'Renew the endpoint certificate.');
    }
    return row('tls', 'pass', summary);
  } catch (error) {
    const code = errorCode(error);
    const fix =
      code === 'ENOENT' || code === 'EACCES'
        ? 'The CA file cannot be read: check the path in ACPT_TLS_CA_FILE / tls.caFile.'
        : 'Check that the endpoint speaks TLS on this port, and that no proxy intercepts it.';
    return row('tls', 'fail', `no TLS handshake with ${host} (${code ?? errorText(error)})`, fix);
  }
}
