import { isIP } from 'node:net';

/**
 * True when `hostname` (as `URL.hostname` gives it) names this machine: `localhost`, `*.localhost`, any `127.0.0.0/8`
 * address or `::1`. Only such hosts may be reached over plain `http://`.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  const lower = host.toLowerCase();
  if (lower === 'localhost' || lower.endsWith('.localhost')) return true;
  const family = isIP(lower);
  if (family === 4) return lower.startsWith('127.');
  if (family === 6) return lower === '::1' || lower === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(lower);
  return false;
}
