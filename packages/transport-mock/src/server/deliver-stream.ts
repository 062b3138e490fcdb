import type { ServerResponse } from 'node:http';
import type { ExchangeOutcome } from '../engine/exchange-outcome.ts';
import { pieceWaitMs } from '../reply/stream-piece.ts';
import { cutPoint, DONE_EVENT, malformedEventData, STREAM_ERROR_DATA, streamEvents } from '../wire/completion-json.ts';
import { SSE_CONTENT_TYPE } from '../wire/wire-response.ts';
import type { ChatHandlerContext } from './handle-chat.ts';
import { isGone } from './write-response.ts';

type Reply = Extract<ExchangeOutcome, { kind: 'reply' }>;

/**
 * Streams a reply as SSE: headers after the planned wait, the role chunk, delta chunks paced by the token rate,
 * the empty and the finish chunk, and `[DONE]` when configured. A body fault ends the stream after half the deltas:
 * a bare EOF, an error event, or an event that is not JSON. Without latency everything goes out in one write.
 */
export function deliverStream(context: ChatHandlerContext, response: ServerResponse, outcome: Reply): void {
  const { reply, plan, bodyFault } = outcome;
  const events = streamEvents(reply);
  const pieces = reply.pieces.length;
  const cut = bodyFault === undefined ? pieces : cutPoint(pieces);
  const sent = events.slice(0, 1 + cut);
  if (bodyFault === 'stream-error-event') sent.push(`data: ${STREAM_ERROR_DATA}\n\n`);
  else if (bodyFault === 'malformed-json') sent.push(`data: ${malformedEventData(reply, cut)}\n\n`);
  else if (bodyFault === undefined) {
    sent.push(...events.slice(1 + pieces));
    if (context.sendDone) sent.push(DONE_EVENT);
  }
  const headers = ['content-type', SSE_CONTENT_TYPE, 'cache-control', 'no-cache', 'x-request-id', reply.requestId];
  for (const name in outcome.quotaHeaders) headers.push(name, outcome.quotaHeaders[name] as string);
  const paced = plan.firstTokenMs > 0 || plan.msPerToken > 0;
  const start = (): void => {
    if (isGone(response)) return;
    response.writeHead(200, headers);
    if (!paced) {
      response.end(sent.join(''));
      return;
    }
    response.write(sent[0] as string);
    writeFrom(1);
  };
  // Event i (1 ≤ i ≤ cut) carries piece i - 1 and waits for its tokens; whatever follows the pieces goes at once.
  const writeFrom = (position: number): void => {
    if (isGone(response)) return;
    if (position > cut) {
      response.end(sent.slice(position).join(''));
      return;
    }
    context.timers.later(pieceWaitMs(reply, plan, position - 1), () => {
      if (isGone(response)) return;
      response.write(sent[position] as string);
      writeFrom(position + 1);
    });
  };
  if (plan.headersMs > 0) context.timers.later(plan.headersMs, start);
  else start();
}
