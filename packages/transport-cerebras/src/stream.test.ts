import {
  type ChatStreamEvent,
  InvalidResponseError,
  RateLimitError,
  type StreamDeltaMode,
  TransportHttpError,
  TransportNetworkError,
  TruncatedStreamError,
} from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { expectNoSecret, rejectionOf } from './__fixtures__/assert-no-secret.ts';
import {
  createGate,
  type FixtureHandler,
  pause,
  type ScriptStep,
  scriptedResponse,
} from './__fixtures__/fixture-server.ts';
import { mergeDeltas } from './__fixtures__/merge-deltas.ts';
import { servedTransport } from './__fixtures__/served-transport.ts';
import { chunkEvent, chunkJson, recordedStream, wireTimeInfo, wireUsage } from './__fixtures__/wire-fixtures.ts';
import type { CerebrasTransport } from './create-cerebras-transport.ts';

const served = servedTransport();
const serve = (handler: FixtureHandler): Promise<CerebrasTransport> => served.serve(handler);

const hello = { messages: [{ role: 'user' as const, content: 'Hi' }] };

/**
 * Every event of one stream. `per-token` by default: these tests pin the mapping of each wire delta, and separate
 * writes of the scripted server may reach the client in one read, where `coalesced` would merge them.
 */
async function collect(live: CerebrasTransport, deltas: StreamDeltaMode = 'per-token'): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const event of live.stream(hello, { deltas })) events.push(event);
  return events;
}

function deltas(events: readonly ChatStreamEvent[]): string[] {
  return events.flatMap((event) =>
    event.type === 'text-delta' || event.type === 'reasoning-delta' ? [`${event.type}:${event.text}`] : [],
  );
}

function finish(events: readonly ChatStreamEvent[]) {
  const last = events.at(-1);
  if (last?.type !== 'finish') throw new Error('no finish event');
  return last.response;
}

describe('stream() over loopback HTTP', () => {
  it('streams the recorded Cerebras sequence (no [DONE]) and finishes with usage, time_info and timings', async () => {
    const live = await serve(scriptedResponse(recordedStream(['{"bits"', ':2}'])));
    const events = await collect(live);
    expect(deltas(events)).toEqual(['text-delta:{"bits"', 'text-delta::2}']);
    expect(events.filter((event) => event.type === 'finish')).toHaveLength(1);
    const response = finish(events);
    expect(response).toMatchObject({
      id: 'chatcmpl-7f3a',
      model: 'qwen-3.8-27b',
      text: '{"bits":2}',
      finishReason: 'stop',
      usage: { promptTokens: 41, completionTokens: 9, totalTokens: 50, cachedTokens: 32, reasoningTokens: 3 },
      timeInfo: { queueTime: 0.00007, created: 1761231233.44 },
      systemFingerprint: 'fp_9c1d',
    });
    expect(response.latency.timeToFirstTokenMs).toBeGreaterThanOrEqual(response.latency.headersMs ?? Number.NaN);
    expect(response.latency.totalMs).toBeGreaterThanOrEqual(response.latency.timeToFirstTokenMs ?? Number.NaN);
    const body = JSON.parse(served.server?.requests[0]?.body ?? '');
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true }, max_completion_tokens: 256 });
    expect(served.server?.requests[0]?.headers.accept).toBe('text/event-stream');
  });

  it('accepts [DONE] as the end, and keeps content that arrives on the finishing chunk', async () => {
    const live = await serve(
      scriptedResponse([
        chunkEvent({ delta: { content: 'a' } }),
        chunkEvent({ delta: { content: 'b' }, finish_reason: 'length' }, { usage: wireUsage }),
        'data: [DONE]\n\n',
      ]),
    );
    const events = await collect(live);
    expect(deltas(events)).toEqual(['text-delta:a', 'text-delta:b']);
    expect(finish(events)).toMatchObject({ text: 'ab', finishReason: 'length', usage: { totalTokens: 50 } });
  });

  it('handles \\r\\r and \\r\\n\\r\\n framing, comments, and bytes split anywhere (inside UTF-8 too)', async () => {
    const framed = [
      ': keep-alive\r\r',
      `data: ${chunkJson({ delta: { content: 'héllo ' } })}\r\r`,
      `data: ${chunkJson({ delta: { content: '😀✓' } })}\r\n\r\n`,
      `data: ${chunkJson({ delta: {}, finish_reason: 'stop' }, { time_info: wireTimeInfo })}\r\n\r\n`,
    ].join('');
    const bytes = new TextEncoder().encode(framed);
    const steps: ScriptStep[] = [];
    for (let start = 0; start < bytes.length; start += 7) {
      steps.push(bytes.slice(start, start + 7), () => pause(0));
    }
    const live = await serve(scriptedResponse(steps));
    const events = await collect(live);
    expect(finish(events)).toMatchObject({ text: 'héllo 😀✓', finishReason: 'stop', timeInfo: { totalTime: 0.022 } });
  });

  it.each([
    ['\\n\\n', '\n\n', ''],
    ['\\r\\n\\r (the \\n comes later)', '\r\n\r', '\n'],
    ['\\r\\r', '\r\r', ''],
  ])('delivers an event whose blank line (%s) is the last byte of a read at once', async (_name, ending, rest) => {
    const gate = createGate();
    let laterBytesSent = false;
    const live = await serve(
      scriptedResponse([
        `data: ${chunkJson({ delta: { content: 'first' } })}${ending}`,
        gate.wait,
        () => {
          laterBytesSent = true;
          return Promise.resolve();
        },
        `${rest}${chunkEvent({ delta: { content: ' second' }, finish_reason: 'stop' })}`,
      ]),
    );
    const seen: boolean[] = [];
    for await (const event of live.stream(hello)) {
      if (event.type === 'text-delta' && event.text === 'first') {
        seen.push(laterBytesSent);
        gate.open();
      }
    }
    expect(seen).toEqual([false]);
    expect(gate.opened()).toBe(true);
  });

  it('turns a mid-stream error data event into the typed error of its status_code', async () => {
    const error = {
      message: 'Tokens per minute limit exceeded - too many tokens processed.',
      type: 'too_many_tokens_error',
      param: 'quota',
      code: 'token_quota_exceeded',
    };
    const live = await serve(
      scriptedResponse(
        [chunkEvent({ delta: { content: 'partial' } }), `data: ${JSON.stringify({ error, status_code: 429 })}\n\n`],
        { headers: { 'x-ratelimit-reset-tokens-minute': '4.5' } },
      ),
    );
    const seen: ChatStreamEvent[] = [];
    const failure = await rejectionOf(async () => {
      for await (const event of live.stream(hello)) seen.push(event);
    });
    expect(deltas(seen)).toEqual(['text-delta:partial']);
    expect(RateLimitError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ status: 429, midStream: true, kind: 'token_quota', retryAfterMs: 4500 });
    expectNoSecret(failure);
  });

  it('turns an "event: error" into the typed error of its status_code (500 when it has none)', async () => {
    const body = {
      error: { message: 'Encountered a server error', type: 'server_error', code: null },
      status_code: 503,
    };
    const live = await serve(scriptedResponse([`event: error\ndata: ${JSON.stringify(body)}\n\n`]));
    const failure = await rejectionOf(() => collect(live));
    expect(TransportHttpError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ status: 503, midStream: true, retryable: true });

    await served.close();
    const bare = await serve(scriptedResponse(['event: error\ndata: oops\n\n']));
    expect(await rejectionOf(() => collect(bare))).toMatchObject({ status: 500, midStream: true });
  });

  it('rejects an end of body without a finish chunk as a truncated stream', async () => {
    const live = await serve(scriptedResponse([chunkEvent({ delta: { content: 'half' } })]));
    const failure = await rejectionOf(() => collect(live));
    expect(TruncatedStreamError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ deliveredContent: true, retryable: false });

    await served.close();
    const empty = await serve(scriptedResponse([chunkEvent({ delta: { role: 'assistant' } })]));
    expect(await rejectionOf(() => collect(empty))).toMatchObject({ deliveredContent: false, retryable: true });
  });

  it('rejects a connection reset mid-stream as truncated, with the network error as cause', async () => {
    const live = await serve(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunkEvent({ delta: { content: 'x' } }));
      await pause(20);
      response.socket?.resetAndDestroy();
    });
    const failure = await rejectionOf(() => collect(live));
    expect(TruncatedStreamError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ deliveredContent: true });
    expect(TransportNetworkError.isInstance((failure as Error).cause)).toBe(true);
  });

  it('rejects an event that is not JSON', async () => {
    const live = await serve(scriptedResponse(['data: {"choices": [\n\n']));
    expect(InvalidResponseError.isInstance(await rejectionOf(() => collect(live)))).toBe(true);
  });

  it('maps an error status before the stream starts', async () => {
    const live = await serve((_request, response) => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' });
      response.end('{"message":"We\'re experiencing high traffic right now!","param":"queue","code":"queue_exceeded"}');
    });
    const failure = await rejectionOf(() => collect(live));
    expect(failure).toMatchObject({ status: 429, kind: 'queue', retryAfterMs: 2000, midStream: false });
  });

  it('routes <think> content and delta.reasoning to reasoning deltas, never into the text', async () => {
    const live = await serve(
      scriptedResponse([
        chunkEvent({ delta: { reasoning: 'parsed. ' } }),
        chunkEvent({ delta: { content: '<thi' } }),
        chunkEvent({ delta: { content: 'nk>raw</think>' } }),
        chunkEvent({ delta: { content: '\n\nanswer' } }),
        chunkEvent({ delta: {}, finish_reason: 'stop' }),
      ]),
    );
    const events = await collect(live);
    expect(deltas(events)).toEqual(['reasoning-delta:parsed. ', 'reasoning-delta:raw', 'text-delta:answer']);
    expect(finish(events)).toMatchObject({ text: 'answer', reasoning: 'parsed. raw' });
  });

  it('accumulates streamed tool-call fragments by index', async () => {
    const call = (fields: Record<string, unknown>) => chunkEvent({ delta: { tool_calls: [fields] } });
    const live = await serve(
      scriptedResponse([
        call({ index: 0, id: 'call_1', type: 'function', function: { name: 'set_phase', arguments: '{"bi' } }),
        call({ index: 0, function: { arguments: 'ts":2}' } }),
        call({ index: 1, id: 'call_2', type: 'function', function: { name: 'noop', arguments: '{}' } }),
        chunkEvent({ delta: {}, finish_reason: 'tool_calls' }),
      ]),
    );
    const events = await collect(live);
    const first = { id: 'call_1', type: 'function', function: { name: 'set_phase', arguments: '{"bits":2}' } };
    const second = { id: 'call_2', type: 'function', function: { name: 'noop', arguments: '{}' } };
    expect(finish(events).toolCalls).toEqual([first, second]);
    expect(events.slice(0, -1)).toEqual([
      { type: 'tool-call-delta', index: 0, id: 'call_1', name: 'set_phase', argumentsDelta: '{"bi' },
      { type: 'tool-call-delta', index: 0, id: 'call_1', name: 'set_phase', argumentsDelta: 'ts":2}' },
      { type: 'tool-call-delta', index: 1, id: 'call_2', name: 'noop', argumentsDelta: '{}' },
      { type: 'tool-call', index: 0, toolCall: first },
      { type: 'tool-call', index: 1, toolCall: second },
    ]);
    // Coalesced, however the writes were split into reads: the fragments of one call fold together, never across calls.
    expect(mergeDeltas((await collect(live, 'coalesced')).slice(0, -1))).toEqual(mergeDeltas(events.slice(0, -1)));
  });

  it('cancels the request and closes its socket when the caller stops iterating', async () => {
    const live = await serve(
      scriptedResponse([chunkEvent({ delta: { content: 'one' } }), () => pause(60_000)], { end: false }),
    );
    for await (const event of live.stream(hello)) {
      expect(event).toEqual({ type: 'text-delta', text: 'one' });
      break;
    }
    await served.server?.socketsClosed(1);
    expect(served.server?.connections).toBe(1);
  });
});
