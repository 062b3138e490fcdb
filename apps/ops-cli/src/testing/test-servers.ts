import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Test helper: listens on 127.0.0.1 on a free port and returns the server's base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

/** Test helper: a minimal OTLP/HTTP receiver that counts export requests. */
export async function startOtlpReceiver(): Promise<{ url: string; exports: () => number; close: () => Promise<void> }> {
  let exports = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.method === 'POST' && /^\/v1\/(metrics|traces)$/.test(request.url ?? '')) {
        exports += 1;
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      } else response.writeHead(404).end();
    });
  });
  const url = await listenOnLoopback(server);
  return { url, exports: () => exports, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Test helper: a loopback port that nothing listens on (bound, then released). */
export async function closedLoopbackPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
}

/** Test helper: a self-signed certificate for `127.0.0.1`/`localhost`, made with openssl in a temp dir. */
export async function makeSelfSignedCertificate(): Promise<{
  directory: string;
  keyFile: string;
  certFile: string;
  remove: () => Promise<void>;
}> {
  const directory = await mkdtemp(join(tmpdir(), 'acpt-doctor-tls-'));
  const keyFile = join(directory, 'key.pem');
  const certFile = join(directory, 'cert.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '30',
    '-subj',
    '/CN=acpt-test-endpoint',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  return { directory, keyFile, certFile, remove: () => rm(directory, { recursive: true, force: true }) };
}
