import { readFile } from 'node:fs/promises';
import { connect, getCACertificates, type PeerCertificate } from 'node:tls';

/** What a TLS handshake revealed about the endpoint. */
export interface TlsInspection {
  /** Whether the chain verified against the trusted CAs and the name matched. */
  readonly authorized: boolean;
  /** OpenSSL's reason when not authorized (`DEPTH_ZERO_SELF_SIGNED_CERT`, `ERR_TLS_CERT_ALTNAME_INVALID`, …). */
  readonly authorizationError?: string;
  /** Subject and issuer, as `CN=…, O=…`. */
  readonly subject: string;
  readonly issuer: string;
  /** Certificate expiry. */
  readonly validTo: Date;
  /** Negotiated protocol, e.g. `TLSv1.3`. */
  readonly protocol: string;
}

/** Renders a certificate name (`{ CN, O }`) as `CN=…, O=…`. */
export function formatCertificateName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '(none)';
  const parts = Object.entries(name).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`);
  return parts.length > 0 ? parts.join(', ') : '(empty)';
}

/**
 * Makes one TLS handshake that trusts the default CAs (system and `NODE_EXTRA_CA_CERTS`) plus `caFile`, and reports
 * the certificate and whether it verified. It never sends application data.
 *
 * @throws the socket error when no handshake completes (refused, reset, timeout, not TLS)
 */
export async function inspectTls(options: {
  readonly host: string;
  readonly port: number;
  readonly caFile?: string;
  readonly timeoutMs: number;
}): Promise<TlsInspection> {
  const ca = [...getCACertificates('default')];
  if (options.caFile !== undefined) ca.push(await readFile(options.caFile, 'utf8'));
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: options.host,
      port: options.port,
      servername: /^[\d.]+$|:/.test(options.host) ? undefined : options.host,
      ca,
      // Verification result is read from `authorized` below, so the certificate can be shown even when it fails.
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    socket.setTimeout(options.timeoutMs, () => {
      socket.destroy(
        Object.assign(new Error(`no TLS handshake within ${options.timeoutMs} ms`), { code: 'ETIMEDOUT' }),
      );
    });
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate();
      const inspection: TlsInspection = {
        authorized: socket.authorized,
        authorizationError: socket.authorizationError === null ? undefined : String(socket.authorizationError),
        subject: formatCertificateName(certificate.subject),
        issuer: formatCertificateName(certificate.issuer),
        validTo: new Date(certificate.valid_to),
        protocol: socket.getProtocol() ?? 'unknown',
      };
      socket.destroy();
      resolve(inspection);
    });
  });
}
