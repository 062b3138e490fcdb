import { Secret } from '../secret/secret.ts';

const maxLength = 80;
const cerebrasKeyPattern = /csk-[A-Za-z0-9_-]{4,}/g;
const urlCredentialsPattern = /\/\/[^/@\s]*@/g;

/**
 * Renders a received value for a `ConfigIssue`: strings quoted and shortened, objects by kind. Anything at the
 * `apiKey` path, and any `Secret`, renders as `[redacted]`; credentials inside URLs are masked.
 */
export function renderValue(value: unknown, path: string): string {
  if (path === 'apiKey' || path.startsWith('apiKey.')) return value === undefined ? '(not set)' : '[redacted]';
  if (Secret.isInstance(value)) return '[redacted]';
  switch (typeof value) {
    case 'string': {
      const masked = value.replace(urlCredentialsPattern, '//[redacted]@');
      return JSON.stringify(masked.length > maxLength ? `${masked.slice(0, maxLength)}…` : masked);
    }
    case 'number':
    case 'boolean':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n (a bigint)`;
    case 'undefined':
      return '(not set)';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? 'an array' : `an object${describePrototype(value)}`;
    default:
      return `a ${typeof value}`;
  }
}

function describePrototype(value: object): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null || prototype === Object.prototype) return '';
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return ` (${tag})`;
}

/**
 * Removes every known secret, and anything shaped like a Cerebras key (`csk-…`), from a text. Secrets shorter than
 * 6 characters are left alone: masking them would garble the text and protect nothing.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) if (secret.length >= 6) scrubbed = scrubbed.split(secret).join('[redacted]');
  return scrubbed.replace(cerebrasKeyPattern, '[redacted]');
}
