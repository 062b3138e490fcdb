/** An entry's host and optional port: `host`, `host:port`, `[v6]`, `[v6]:port`, or a bare IPv6 address. */
function splitEntry(entry: string): { readonly name: string; readonly port: number | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed)
    return { name: bracketed[1] as string, port: bracketed[2] === undefined ? undefined : Number(bracketed[2]) };
  const parts = entry.split(':');
  if (parts.length === 2 && /^\d+$/.test(parts[1] as string))
    return { name: parts[0] as string, port: Number(parts[1]) };
  return { name: entry, port: undefined };
}

/**
 * Whether `NO_PROXY` exempts a host: entries are separated by commas or spaces; `*` exempts every host; `host` and
 * `.host` / `*.host` exempt the host and its subdomains (curl's rule); `host:port` only that port. IPv6 addresses may
 * be written with or without brackets. Case-insensitive.
 */
export function isExemptFromProxy(noProxy: string | undefined, hostname: string, port: number): boolean {
  if (noProxy === undefined) return false;
  const host = hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const { name, port: entryPort } = splitEntry(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    const bare = name.replace(/^\*?\./, '');
    if (bare !== '' && (host === bare || host.endsWith(`.${bare}`))) return true;
  }
  return false;
}
