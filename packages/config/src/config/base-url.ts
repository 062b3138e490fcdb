/** The default endpoint: Cerebras' public inference API. */
export const DEFAULT_BASE_URL = 'https://api.cerebras.ai';

/** True for `localhost`, any 127.0.0.0/8 address and `::1`, as the WHATWG URL parser normalises them. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets[1] === '127' && octets.slice(2).every((octet) => Number(octet) <= 255);
}

/**
 * Why `text` is not an acceptable endpoint base URL, or `undefined` when it is. The wording is what a `ConfigIssue`
 * shows as `expected`.
 */
export function baseUrlProblem(text: string): string | undefined {
  if (!URL.canParse(text)) return 'an absolute URL such as https://api.cerebras.ai';
  const url = new URL(text);
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      return 'an https:// URL (http:// is allowed only for loopback hosts: 127.0.0.0/8, ::1, localhost)';
    }
  } else if (url.protocol !== 'https:') {
    return 'an https:// URL (or http:// for a loopback host)';
  }
  if (url.username !== '' || url.password !== '') {
    return 'a URL without user:password (the API key goes in CEREBRAS_API_KEY or CEREBRAS_API_KEY_FILE)';
  }
  if (url.search !== '' || url.hash !== '') return 'a base URL without ?query or #fragment';
  if (/\/v1\/?$/.test(url.pathname)) return 'a base URL without the /v1 suffix (the transport adds /v1/…)';
  return undefined;
}

/** The URL as the transport joins paths to it: parsed, serialised, without trailing slashes. */
export function normalizeBaseUrl(text: string): string {
  return new URL(text).href.replace(/\/+$/, '');
}
