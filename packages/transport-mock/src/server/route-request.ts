import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { NOT_AUTHENTICATED_BODY, WRONG_API_KEY_BODY } from '../wire/error-bodies.ts';
import { jsonResponse, type WireResponse } from '../wire/wire-response.ts';
import { type ChatHandlerContext, handleChat } from './handle-chat.ts';
import type { ModelsCatalogue } from './models-catalogue.ts';
import { writeUnknownPath, writeWire } from './write-response.ts';

/** What the router needs. */
export interface RouterContext extends ChatHandlerContext {
  /** `Bearer <key>` when authentication is on. */
  readonly expectedAuthorization: string | undefined;
  readonly catalogue: ModelsCatalogue;
  /** Hands out the next chat-completion request index. */
  nextIndex(): number;
}

const forbidden = jsonResponse(403, NOT_AUTHENTICATED_BODY);
const unauthorized = jsonResponse(401, WRONG_API_KEY_BODY);
const methodNotAllowed = jsonResponse(405, { detail: 'Method Not Allowed' });
const warmed: WireResponse = { status: 200, headers: {}, body: '' };

/** Dispatches one request to its endpoint; unknown paths get an empty 404, known paths another method a 405. */
export function routeRequest(context: RouterContext, request: IncomingMessage, response: ServerResponse): void {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  const endpoint = endpointOf(path);
  if (endpoint === undefined) {
    writeUnknownPath(response);
    return;
  }
  if (request.method !== (endpoint === 'chat' ? 'POST' : 'GET')) {
    writeWire(response, methodNotAllowed);
    return;
  }
  if (endpoint === 'chat') {
    const index = context.nextIndex();
    if (authorized(context, request, response))
      readBody(request, (body) => handleChat(context, request, response, body, index));
    else request.resume();
    return;
  }
  if (endpoint === 'warming') writeWire(response, warmed);
  else if (endpoint === 'public-models') {
    const id = path.slice('/public/v1/models/'.length);
    writeWire(response, id === '' ? context.catalogue.publicList : context.catalogue.publicOne(decodeURIComponent(id)));
  } else if (authorized(context, request, response)) {
    const id = path.slice('/v1/models/'.length);
    const format = query < 0 ? undefined : (new URLSearchParams(url.slice(query + 1)).get('format') ?? undefined);
    writeWire(response, id === '' ? context.catalogue.list(format) : context.catalogue.one(decodeURIComponent(id)));
  }
}

function endpointOf(path: string): 'chat' | 'warming' | 'models' | 'public-models' | undefined {
  if (path === '/v1/chat/completions') return 'chat';
  if (path === '/v1/tcp_warming') return 'warming';
  if (path === '/v1/models' || path.startsWith('/v1/models/')) return 'models';
  if (path === '/public/v1/models' || path.startsWith('/public/v1/models/')) return 'public-models';
  return undefined;
}

function authorized(context: RouterContext, request: IncomingMessage, response: ServerResponse): boolean {
  const expected = context.expectedAuthorization;
  if (expected === undefined) return true;
  const given = request.headers.authorization;
  if (given === expected) return true;
  writeWire(response, given === undefined ? forbidden : unauthorized);
  return false;
}

function readBody(request: IncomingMessage, done: (body: string) => void): void {
  if (request.headers['content-encoding'] === 'gzip') {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let text = '';
      try {
        text = gunzipSync(Buffer.concat(chunks)).toString('utf8');
      } catch {
        text = '';
      }
      done(text);
    });
    return;
  }
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => {
    body += chunk;
  });
  request.on('end', () => done(body));
}
