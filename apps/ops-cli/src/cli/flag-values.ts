import { UsageError } from './usage-error.ts';

/**
 * Parses an integer flag within `[min, max]`.
 *
 * @throws {UsageError} when the value is not an integer in range
 */
export function parseIntegerFlag(name: string, value: string, range: { min: number; max: number }): number {
  const number = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < range.min || number > range.max) {
    throw new UsageError(`--${name} must be an integer from ${range.min} to ${range.max}, got "${value}"`);
  }
  return number;
}

/**
 * Parses a decimal flag within `[min, max]`.
 *
 * @throws {UsageError} when the value is not a finite number in range
 */
export function parseNumberFlag(name: string, value: string, range: { min: number; max: number }): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < range.min || number > range.max) {
    throw new UsageError(`--${name} must be a number from ${range.min} to ${range.max}, got "${value}"`);
  }
  return number;
}

const durationUnits: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a duration such as `500ms`, `30s`, `2m` or `1h` (a bare number means seconds) into milliseconds.
 *
 * @throws {UsageError} when the value is not a positive duration
 */
export function parseDurationFlag(name: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  const amount = match ? Number(match[1]) : Number.NaN;
  const milliseconds = amount * (durationUnits[match?.[2] ?? 's'] ?? Number.NaN);
  if (!Number.isFinite(milliseconds) || milliseconds <= 0) {
    throw new UsageError(`--${name} must be a duration such as 500ms, 30s, 2m or 1h, got "${value}"`);
  }
  return Math.round(milliseconds);
}

/**
 * Parses an `http://` or `https://` URL flag.
 *
 * @throws {UsageError} when the value is not such a URL
 */
export function parseUrlFlag(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--${name} must be a URL such as https://api.cerebras.ai, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--${name} must be an http:// or https:// URL, got "${value}"`);
  }
  return url;
}
