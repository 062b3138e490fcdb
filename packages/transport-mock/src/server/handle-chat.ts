import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExchangeOutcome } from '../engine/exchange-outcome.ts';
import type { MockEngine } from '../engine/mock-engine.ts';
import { replyFailure } from '../engine/reply-failure.ts';
import { httpFaultResponse } from '../faults/fault-response.ts';
import type { CapacityQueue } from '../load/capacity-queue.ts';
import { completionJson, halfBody } from '../wire/completion-json.ts';
import { fromWireRequest } from '../wire/from-wire-request.ts';
import { validateWireRequest } from '../wire/validate-wire-request.ts';
import { unreadableBodyIssue, validationFailureResponse } from '../wire/validation-response.ts';
import { JSON_CONTENT_TYPE } from '../wire/wire-response.ts';
import { deliverStream } from './deliver-stream.ts';
import type { TimerSet } from './timers.ts';
import { isGone, resetConnection, writeWire } from './write-response.ts';

/** What the chat handler shares across requests. */
export interface ChatHandlerContext {
  readonly engine: MockEngine;
  readonly sendDone: boolean;
  readonly timers: TimerSet;
  readonly now: () => number;
  /** The load model's slots and queue, when the server models a loaded endpoint. */
  readonly capacity?: CapacityQueue | undefined;
}

type Reply = Extract<ExchangeOutcome, { kind: 'reply' }>;

const invalidJson = validationFailureResponse([unreadableBodyIssue('JSON decode error')]);

/** Serves one `POST /v1/chat/completions` whose body has been read, as request number `index`. */
export function handleChat(
  context: ChatHandlerContext,
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  index: number,
): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    writeWire(response, invalidJson);
    return;
  }
  const issues = validateWireRequest(parsed);
  if (issues.length > 0) {
    writeWire(response, validationFailureResponse(issues));
    return;
  }
  const wire = parsed as Record<string, unknown>;
  const capacity = context.capacity;
  if (capacity === undefined) {
    serve(context, request, response, wire, index);
    return;
  }
  // A loaded endpoint: wait for a service slot (latency grows with the requests in flight), or 429 queue_exceeded.
  const ticket = capacity.enter(() => serve(context, request, response, wire, index));
  if (ticket === undefined) {
    const model = typeof wire.model === 'string' ? wire.model : '';
    writeWire(response, httpFaultResponse('rate-limit-queue', { model, nowMs: context.now() }));
    return;
  }
  response.once('close', () => ticket.release());
}

/** Decides and delivers one validated request. */
function serve(
  context: ChatHandlerContext,
  request: IncomingMessage,
  response: ServerResponse,
  wire: Record<string, unknown>,
  index: number,
): void {
  if (isGone(response)) return;
  let outcome: ExchangeOutcome;
  try {
    outcome = context.engine.decide(fromWireRequest(wire), index, context.now());
  } catch (error) {
    writeWire(response, replyFailure(error));
    return;
  }
  switch (outcome.kind) {
    case 'error':
      writeWire(response, outcome.response);
      return;
    case 'reset':
      resetConnection(request);
      return;
    case 'hang':
      context.timers.later(outcome.delayMs, () => resetConnection(request));
      return;
    default:
      if (wire.stream === true) deliverStream(context, response, outcome);
      else deliverWhole(context, request, response, outcome);
  }
}

function deliverWhole(
  context: ChatHandlerContext,
  request: IncomingMessage,
  response: ServerResponse,
  outcome: Reply,
): void {
  const { reply, plan } = outcome;
  const waitMs = plan.headersMs + plan.firstTokenMs + reply.usage.completionTokens * plan.msPerToken;
  const send = (): void => {
    if (isGone(response)) return;
    if (outcome.bodyFault === 'stream-error-event') {
      writeWire(response, httpFaultResponse('stream-error-event', { model: reply.model, nowMs: context.now() }));
      return;
    }
    const body = completionJson(reply);
    const headers = ['content-type', JSON_CONTENT_TYPE, 'x-request-id', reply.requestId];
    for (const name in outcome.quotaHeaders) headers.push(name, outcome.quotaHeaders[name] as string);
    const sent = outcome.bodyFault === undefined ? body : halfBody(body);
    const declared = outcome.bodyFault === 'stream-truncated' ? body : sent;
    headers.push('content-length', String(Buffer.byteLength(declared)));
    response.writeHead(200, headers);
    if (outcome.bodyFault !== 'stream-truncated') {
      response.end(sent);
      return;
    }
    response.write(sent, () => resetConnection(request));
  };
  if (waitMs > 0) context.timers.later(waitMs, send);
  else send();
}
