/** The port of an http(s) URL, with the scheme's default when the URL names none. */
export function endpointPort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** The host of a URL without IPv6 brackets, as `net.connect` and `tls.connect` want it. */
export function endpointHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}
