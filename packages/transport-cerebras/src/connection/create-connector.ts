import type { Socket } from 'node:net';
import { TimeoutError } from '@acpt/config';
import { buildConnector } from 'undici';

/** Options of {@link createConnector}. */
export interface ConnectorOptions {
  /** Deadline for TCP and TLS set-up, in ms. */
  readonly timeoutMs: number;
  /** Offer HTTP/2 through ALPN. */
  readonly allowH2: boolean;
  /** Trusted CA certificates, or `undefined` for Node's defaults. */
  readonly ca: readonly string[] | undefined;
}

/**
 * undici's connector (TLS verification on, optional ALPN h2) with a precise connect deadline: undici's own connect
 * timer ticks on a coarse ~0.5–1 s wheel, so a 150 ms deadline would fire after up to a second. A native timer per
 * connection attempt destroys the socket and fails the attempt with `TimeoutError` phase `connect`.
 */
export function createConnector(options: ConnectorOptions): buildConnector.connector {
  const connect = buildConnector({
    allowH2: options.allowH2,
    timeout: 0,
    rejectUnauthorized: true,
    ...(options.ca === undefined ? {} : { ca: [...options.ca] }),
  });
  return (target, callback) => {
    let pending = true;
    const timer = setTimeout(() => {
      if (!pending) return;
      pending = false;
      socket?.destroy();
      callback(new TimeoutError('connect', options.timeoutMs), null);
    }, options.timeoutMs);
    const socket = connect(target, (...result) => {
      if (!pending) {
        result[1]?.destroy();
        return;
      }
      pending = false;
      clearTimeout(timer);
      callback(...result);
    }) as unknown as Socket | undefined;
  };
}
