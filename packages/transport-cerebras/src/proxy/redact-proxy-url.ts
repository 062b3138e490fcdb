/**
 * A proxy URL safe to print: the password (and a user name given alone, which some proxies use as a token) replaced
 * by `[redacted]`. Text that is not a URL is replaced whole.
 */
export function redactProxyUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return '[redacted proxy URL]';
  }
  if (url.password !== '') url.password = 'redacted';
  else if (url.username !== '') url.username = 'redacted';
  return url.href.replace(/\/$/, '').replace('redacted@', '[redacted]@').replace(':redacted@', ':[redacted]@');
}
