import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type CheckRow, errorCode, errorText, row } from './check-row.ts';

/** Resolves the endpoint's host name and lists its addresses. */
export async function checkDns(endpoint: URL): Promise<CheckRow> {
  const host = endpoint.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) !== 0) return row('dns', 'pass', `${host} is an IP address: nothing to resolve`);
  try {
    const addresses = await lookup(host, { all: true });
    const list = addresses.map((address) => address.address).join(', ');
    return row('dns', 'pass', `${host} resolves to ${list}`);
  } catch (error) {
    return row(
      'dns',
      'fail',
      `${host} does not resolve (${errorCode(error) ?? errorText(error)})`,
      'Check the host in CEREBRAS_BASE_URL / --url for typos, and the resolver (/etc/resolv.conf, cluster DNS, egress proxy).',
    );
  }
}
