import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSelfSignedCertificate } from '../testing/test-servers.ts';
import { checkTls } from './check-tls.ts';

describe('checkTls', () => {
  let certificate: Awaited<ReturnType<typeof makeSelfSignedCertificate>>;
  let server: Server;
  let endpoint: URL;

  beforeAll(async () => {
    certificate = await makeSelfSignedCertificate();
    server = createServer({
      key: await readFile(certificate.keyFile),
      cert: await readFile(certificate.certFile),
    });
    server.on('secureConnection', (socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    endpoint = new URL(`https://127.0.0.1:${address.port}`);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await certificate.remove();
  });

  it('fails on a self-signed endpoint without its CA, still showing the certificate', async () => {
    const result = await checkTls(endpoint, { timeoutMs: 2_000 });
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    expect(result.detail).toContain('subject CN=acpt-test-endpoint');
    expect(result.fix).toMatch(/CA/);
  });

  it('passes with the CA file and reports subject, issuer and days to expiry', async () => {
    const now = new Date();
    const result = await checkTls(endpoint, { caFile: certificate.certFile, timeoutMs: 2_000, now });
    expect(result.status).toBe('pass');
    expect(result.detail).toMatch(
      /^TLSv1\.3, subject CN=acpt-test-endpoint, issuer CN=acpt-test-endpoint, expires .* \((29|30) days\)$/,
    );
  });

  it('warns when the certificate expires within two weeks', async () => {
    const inThreeWeeks = new Date(Date.now() + 21 * 86_400_000);
    const result = await checkTls(endpoint, { caFile: certificate.certFile, timeoutMs: 2_000, now: inThreeWeeks });
    expect(result.status).toBe('warn');
    expect(result.detail).toMatch(/expires soon/);
  });

  it('fails on an unreadable CA file with a fix naming it', async () => {
    const result = await checkTls(endpoint, { caFile: '/nonexistent/ca.pem', timeoutMs: 2_000 });
    expect(result).toMatchObject({ status: 'fail', detail: expect.stringContaining('ENOENT') });
    expect(result.fix).toMatch(/CA file cannot be read/);
  });

  it('skips http:// on loopback and fails http:// elsewhere', async () => {
    expect((await checkTls(new URL('http://127.0.0.1:8080'), { timeoutMs: 100 })).status).toBe('skip');
    expect((await checkTls(new URL('http://api.example.com'), { timeoutMs: 100 })).status).toBe('fail');
  });
});
