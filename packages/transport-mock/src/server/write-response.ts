import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WireResponse } from '../wire/wire-response.ts';

/** Writes a complete response with `content-length`. */
export function writeWire(response: ServerResponse, wire: WireResponse): void {
  const headers: string[] = [];
  for (const name in wire.headers) headers.push(name, wire.headers[name] as string);
  headers.push('content-length', String(Buffer.byteLength(wire.body)));
  response.writeHead(wire.status, headers);
  response.end(wire.body);
}

/** The 404 of an unknown path: an empty `text/plain` body, as observed. */
export function writeUnknownPath(response: ServerResponse): void {
  response.writeHead(404, ['content-type', 'text/plain; charset=utf-8', 'content-length', '0']);
  response.end();
}

/** Resets the connection (TCP RST) without a response byte. */
export function resetConnection(request: IncomingMessage): void {
  const socket = request.socket;
  if (typeof socket.resetAndDestroy === 'function' && !socket.destroyed) socket.resetAndDestroy();
  else socket.destroy();
}

/** True when nothing more can be written (the client left or the server closed). */
export function isGone(response: ServerResponse): boolean {
  return response.destroyed || response.writableEnded;
}
