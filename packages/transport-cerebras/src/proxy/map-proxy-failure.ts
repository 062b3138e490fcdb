import { ProxyError } from '@acpt/config';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The {@link ProxyError} for a failure that happened at the egress proxy, or `undefined` for any other failure. Only
 * called for a transport that uses a proxy, where every TCP connection goes to the proxy: a refused connection is the
 * proxy refusing; a non-200 answer to `CONNECT` (undici: `Proxy response (407) !== 200 when HTTP Tunneling`) is the
 * proxy asking for credentials (407), refusing the ones given (401, as tinyproxy answers), or refusing the tunnel; undici's `UND_ERR_PRX_CONN` is the proxy closing the
 * connection before the tunnel was up.
 *
 * @param code - the error's undici or Node code (of its first inner error for an `AggregateError`)
 * @param proxy - the proxy URL with credentials redacted
 */
export function mapProxyFailure(
  error: unknown,
  code: string | undefined,
  target: string,
  proxy: string,
): ProxyError | undefined {
  const message = messageOf(error);
  const status = /Proxy response \((\d{3})\)/.exec(message)?.[1] ?? (/\((407)\)/.test(message) ? '407' : undefined);
  if (status !== undefined) {
    const proxyStatus = Number(status);
    if (proxyStatus === 407 || proxyStatus === 401) {
      const what = proxyStatus === 407 ? 'asked for credentials (407)' : 'refused the credentials (401)';
      return new ProxyError(
        'auth-required',
        `${target} failed: the proxy ${proxy} ${what}; put the right proxy credentials in the proxy URL ` +
          '(http://user:password@host:port)',
        { proxy, proxyStatus, cause: error },
      );
    }
    return new ProxyError(
      'tunnel-refused',
      `${target} failed: the proxy ${proxy} refused the CONNECT tunnel with HTTP ${proxyStatus}`,
      { proxy, proxyStatus, cause: error },
    );
  }
  if (code === 'ECONNREFUSED') {
    return new ProxyError('refused', `${target} failed: the proxy ${proxy} refused the connection (ECONNREFUSED)`, {
      proxy,
      cause: error,
    });
  }
  if (code === 'UND_ERR_PRX_CONN' || code === 'UND_ERR_PRX_TLS') {
    return new ProxyError(
      'closed',
      `${target} failed: the proxy ${proxy} closed the connection before the tunnel was up (${code})`,
      { proxy, cause: error },
    );
  }
  return undefined;
}
