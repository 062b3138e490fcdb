import { connect } from 'node:net';

/**
 * Opens a TCP connection and closes it at once. Resolves with the connect time in ms; rejects with the socket's
 * error, or an `ETIMEDOUT` error after `timeoutMs`.
 */
export function tcpConnect(host: string, port: number, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy(Object.assign(new Error(`no TCP connection within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(performance.now() - startedAt);
    });
    socket.once('error', reject);
  });
}
