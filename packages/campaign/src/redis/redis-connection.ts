import { AcptConfigError } from '@acpt/config';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * The Redis URL without its credentials, safe for logs and errors: `redis://***@host:6379/0`. Only the scheme, host,
 * port and database are kept.
 */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const credentials = parsed.username !== '' || parsed.password !== '' ? '***@' : '';
    return `${parsed.protocol}//${credentials}${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '[unparsable Redis URL]';
  }
}

/**
 * Checks a `--redis` URL: `redis://` or `rediss://` (TLS), optional `user:password@`, host, port and `/db`.
 *
 * @throws {AcptConfigError} naming the field, with the URL's credentials redacted
 */
export function checkRedisUrl(url: string, field = 'redis'): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (
    parsed === undefined ||
    (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') ||
    parsed.hostname === ''
  ) {
    throw new AcptConfigError([
      {
        path: field,
        expected: 'redis://[user:password@]host[:port][/db] or rediss://… for TLS',
        received: describeRedisUrl(url),
        source: { kind: 'override' },
        message: 'not a Redis URL; give e.g. --redis redis://127.0.0.1:6379',
      },
    ]);
  }
  return url;
}

/** What a connection is for: workers wait through outages, commands of the CLI fail fast. */
export type RedisRole = 'worker' | 'command';

/**
 * Opens an ioredis connection for a role. Workers (BullMQ workers, admission) get `maxRetriesPerRequest: null` so
 * commands wait through a Redis restart instead of failing; CLI commands give up after a few reconnection attempts.
 * The password never appears in errors or logs of this package.
 */
export function connectRedis(url: string, role: RedisRole, options: RedisOptions = {}): Redis {
  const base: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(50 * 2 ** times, 2_000) }
      : {
          maxRetriesPerRequest: 2,
          connectTimeout: 5_000,
          retryStrategy: (times) => (times > 3 ? null : 200 * times),
        };
  return new Redis(checkRedisUrl(url), { ...base, ...options });
}
