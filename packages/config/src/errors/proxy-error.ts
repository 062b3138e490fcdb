import { AcptError, hasMarker, markError } from './acpt-error.ts';

/**
 * What the egress proxy did: refused the connection (`refused`), asked for credentials or refused the given ones
 * (`auth-required`, HTTP 407), answered `CONNECT` with another error status (`tunnel-refused`), or closed the
 * connection before the tunnel was up (`closed`).
 */
export type ProxyProblem = 'refused' | 'auth-required' | 'tunnel-refused' | 'closed';

const marker = Symbol.for('acpt.error.ProxyError');

/**
 * The egress proxy stood between the transport and the endpoint and failed the call. `proxy` is its URL with any
 * password replaced by `[redacted]`. Retryable except for `auth-required`, which only new credentials cure.
 */
export class ProxyError extends AcptError {
  /** What went wrong. */
  readonly problem: ProxyProblem;
  /** The proxy's URL, credentials redacted. */
  readonly proxy: string;
  /** The proxy's status answer to `CONNECT`, when it sent one. */
  readonly proxyStatus: number | undefined;

  constructor(
    problem: ProxyProblem,
    message: string,
    options: { readonly proxy: string; readonly proxyStatus?: number; readonly cause?: unknown },
  ) {
    super('ACPT_PROXY', message, { cause: options.cause, retryable: problem !== 'auth-required' });
    this.name = 'ProxyError';
    this.problem = problem;
    this.proxy = options.proxy;
    this.proxyStatus = options.proxyStatus;
    markError(this, marker);
  }

  /** True for any `ProxyError`, across duplicate installs. */
  static override isInstance(error: unknown): error is ProxyError {
    return hasMarker(error, marker);
  }
}
