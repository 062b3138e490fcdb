import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One stored export request. */
export interface ReceivedRequest {
  readonly path: string;
  readonly contentType: string;
  readonly body: Buffer;
}

/** A small OTLP/HTTP receiver on 127.0.0.1: stores every POST body and answers 200 with an empty protobuf. */
export interface OtlpReceiver {
  readonly endpoint: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts an {@link OtlpReceiver} on a random port. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST') {
        const contentType = request.headers['content-type'] ?? '';
        requests.push({ path: request.url ?? '', contentType, body: Buffer.concat(chunks) });
      }
      response.writeHead(200, { 'content-type': 'application/x-protobuf' });
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
