import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';

/** How reading a request body ended. */
export type BodyResult =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'too-large'; readonly limit: number; readonly decoded: boolean }
  | { readonly kind: 'invalid-utf8' }
  | { readonly kind: 'invalid-gzip' }
  | { readonly kind: 'aborted' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a request body within bounds: at most `bodyBytes` on the wire (reading stops at the first byte over), at
 * most `decodedBodyBytes` after gzip (inflated asynchronously with `maxOutputLength`, so a gzip bomb costs at most
 * that much memory and never blocks other requests), and strict UTF-8. Calls `done` exactly once.
 */
export function readBoundedBody(
  request: IncomingMessage,
  limits: { readonly bodyBytes: number; readonly decodedBodyBytes: number },
  done: (result: BodyResult) => void,
): void {
  let settled = false;
  const finish = (result: BodyResult): void => {
    if (settled) return;
    settled = true;
    done(result);
  };
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('error', () => finish({ kind: 'aborted' }));
  request.on('aborted', () => finish({ kind: 'aborted' }));
  request.on('data', (chunk: Buffer) => {
    if (settled) return;
    size += chunk.length;
    if (size > limits.bodyBytes) {
      chunks.length = 0;
      finish({ kind: 'too-large', limit: limits.bodyBytes, decoded: false });
      return;
    }
    chunks.push(chunk);
  });
  request.on('end', () => {
    if (settled) return;
    const raw = Buffer.concat(chunks, size);
    chunks.length = 0;
    if (request.headers['content-encoding'] !== 'gzip') {
      finish(decodeText(raw));
      return;
    }
    gunzip(raw, { maxOutputLength: limits.decodedBodyBytes }, (error, inflated) => {
      if (error === null) finish(decodeText(inflated));
      else if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        finish({ kind: 'too-large', limit: limits.decodedBodyBytes, decoded: true });
      else finish({ kind: 'invalid-gzip' });
    });
  });
}

function decodeText(bytes: Buffer): BodyResult {
  try {
    return { kind: 'ok', text: utf8.decode(bytes) };
  } catch {
    return { kind: 'invalid-utf8' };
  }
}
