import type { IncomingMessage, ServerResponse } from 'node:http';
import { NOT_AUTHENTICATED_BODY, requestTooLargeBody, WRONG_API_KEY_BODY } from '../wire/error-bodies.ts';
import { unreadableBodyIssue, validationFailureResponse } from '../wire/validation-response.ts';
import { jsonResponse, type WireResponse } from '../wire/wire-response.ts';
import { type ChatHandlerContext, handleChat } from './handle-chat.ts';
import type { ModelsCatalogue } from './models-catalogue.ts';
import { type BodyResult, readBoundedBody } from './read-body.ts';
import type { ResolvedServerLimits } from './server-limits.ts';
import { writeUnknownPath, writeWire } from './write-response.ts';

/** What the router needs. */
export interface RouterContext extends ChatHandlerContext {
  /** `Bearer <key>` when authentication is on. */
  readonly expectedAuthorization: string | undefined;
  readonly catalogue: ModelsCatalogue;
  readonly limits: ResolvedServerLimits;
  /** Hands out the next chat-completion request index. */
  nextIndex(): number;
}

const forbidden = jsonResponse(403, NOT_AUTHENTICATED_BODY);
const unauthorized = jsonResponse(401, WRONG_API_KEY_BODY);
const methodNotAllowed = jsonResponse(405, { detail: 'Method Not Allowed' });
const internalError = jsonResponse(500, {
  message: 'The mock server failed to handle this request.',
  type: 'server_error',
  param: '',
  code: 'mock_server_error',
});
const warmed: WireResponse = { status: 200, headers: {}, body: '' };

/**
 * Dispatches one request to its endpoint; unknown paths get an empty 404, known paths another method a 405. Never
 * throws: whatever the URL, headers or body, the client gets an answer (a 500 for a bug of the mock itself) and the
 * server keeps serving.
 */
export function routeRequest(context: RouterContext, request: IncomingMessage, response: ServerResponse): void {
  request.on('error', ignore);
  try {
    dispatch(context, request, response);
  } catch {
    if (!response.headersSent) writeWire(response, internalError);
    else response.destroy();
  }
}

function dispatch(context: RouterContext, request: IncomingMessage, response: ServerResponse): void {
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
      readBoundedBody(request, context.limits, (body) => answerChat(context, request, response, body, index));
    else request.resume();
    return;
  }
  if (endpoint === 'warming') writeWire(response, warmed);
  else if (endpoint === 'public-models') {
    const id = decodeSegment(path.slice('/public/v1/models/'.length));
    writeWire(response, id === '' ? context.catalogue.publicList : context.catalogue.publicOne(id));
  } else if (authorized(context, request, response)) {
    const id = decodeSegment(path.slice('/v1/models/'.length));
    const format = query < 0 ? undefined : (new URLSearchParams(url.slice(query + 1)).get('format') ?? undefined);
    writeWire(response, id === '' ? context.catalogue.list(format) : context.catalogue.one(id));
  }
}

function answerChat(
  context: RouterContext,
  request: IncomingMessage,
  response: ServerResponse,
  body: BodyResult,
  index: number,
): void {
  try {
    switch (body.kind) {
      case 'ok':
        handleChat(context, request, response, body.text, index);
        return;
      case 'aborted':
        return;
      case 'too-large':
        // The connection closes after the 413 instead of keeping a huge upload's socket for the next request.
        writeWire(response, jsonResponse(413, requestTooLargeBody(body.limit, body.decoded), { connection: 'close' }));
        request.resume();
        return;
      default:
        writeWire(
          response,
          validationFailureResponse([
            unreadableBodyIssue(body.kind === 'invalid-utf8' ? 'Invalid UTF-8' : 'Invalid gzip'),
          ]),
        );
    }
  } catch {
    if (!response.headersSent) writeWire(response, internalError);
    else response.destroy();
  }
}

/** A path segment percent-decoded; a malformed encoding (`%E0%A4%A`) is kept as it was sent. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
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

function ignore(): void {}
