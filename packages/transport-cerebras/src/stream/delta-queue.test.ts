import type { ChatStreamEvent, StreamDeltaMode } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDeltas } from '../__fixtures__/merge-deltas.ts';
import { createSseParser } from '../sse/sse-parser.ts';
import { createChatStreamAccumulator } from './chat-stream-accumulator.ts';

/** One wire chunk's delta: content (may carry `<think>` tags), parsed reasoning, or a fragment of tool call `index`. */
type WireDelta =
  | { readonly kind: 'content'; readonly text: string }
  | { readonly kind: 'reasoning'; readonly text: string }
  | { readonly kind: 'tool'; readonly index: number; readonly fragment: string };

const wireDelta: fc.Arbitrary<WireDelta> = fc.oneof(
  fc.record({
    kind: fc.constant('content' as const),
    text: fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('<think>', '</think>', '<thi', 'nk>', 'a b')),
  }),
  fc.record({ kind: fc.constant('reasoning' as const), text: fc.string({ minLength: 1 }) }),
  fc.record({ kind: fc.constant('tool' as const), index: fc.integer({ min: 0, max: 2 }), fragment: fc.string() }),
);

function sse(delta: Record<string, unknown>, finishReason?: string): string {
  const choice = finishReason === undefined ? { index: 0, delta } : { index: 0, delta, finish_reason: finishReason };
  return `data: ${JSON.stringify({ id: 'chatcmpl-q', model: 'gpt-oss-120b', choices: [choice] })}\n\n`;
}

/** The SSE text of each delta, then the finishing chunk. */
function wireEvents(deltas: readonly WireDelta[]): string[] {
  const named = new Set<number>();
  const out = deltas.map((delta) => {
    if (delta.kind === 'content') return sse({ content: delta.text });
    if (delta.kind === 'reasoning') return sse({ reasoning: delta.text });
    const head = named.has(delta.index) ? {} : { id: `call_${delta.index}`, type: 'function' };
    const name = named.has(delta.index) ? {} : { name: `tool_${delta.index}` };
    named.add(delta.index);
    return sse({ tool_calls: [{ index: delta.index, ...head, function: { ...name, arguments: delta.fragment } }] });
  });
  out.push(sse({}, named.size > 0 ? 'tool_calls' : 'stop'));
  return out;
}

/** Feeds `reads` (each a list of SSE events sent as one read) and returns the events each read produced, then the end's. */
function eventsPerRead(reads: readonly (readonly string[])[], mode: StreamDeltaMode): ChatStreamEvent[][] {
  const accumulator = createChatStreamAccumulator(
    { url: 'http://127.0.0.1/v1/chat/completions', headers: {}, clock: () => 0, startedAt: 0, redact: (t) => t },
    mode,
  );
  const parser = createSseParser(accumulator.accept);
  const encoder = new TextEncoder();
  const take = (): ChatStreamEvent[] => accumulator.events.splice(0, accumulator.events.length);
  const perRead = reads.map((read) => {
    parser.push(encoder.encode(read.join('')));
    accumulator.flush();
    return take();
  });
  parser.end();
  // Measured time to first token differs between runs: the finish event is compared without latency.
  const { latency: _latency, ...response } = accumulator.complete({
    headers: {},
    observedAtMs: 0,
    latency: { totalMs: 1 },
  });
  perRead.push([...take(), { type: 'finish', response: { ...response, latency: { totalMs: 1 } } }]);
  return perRead;
}

/** Splits `items` into consecutive groups at the given cut points. */
function split<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((cut) => cut % (items.length + 1)))].sort((a, b) => a - b);
  const groups: T[][] = [];
  let start = 0;
  for (const point of [...points, items.length]) {
    groups.push(items.slice(start, point));
    start = point;
  }
  return groups;
}

describe('delta queue: coalesced delivery', () => {
  it('yields, per read, exactly the per-token events of that read with adjacent deltas of a kind folded (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(wireDelta, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }), (deltas, cuts) => {
        const reads = split(wireEvents(deltas), cuts);
        const perToken = eventsPerRead(reads, 'per-token');
        const coalesced = eventsPerRead(reads, 'coalesced');
        expect(coalesced).toEqual(perToken.map((events) => mergeDeltas(events)));
        // Nothing is held across reads: a read that produced a per-token delta produced a coalesced one too.
        coalesced.forEach((events, read) => {
          expect(events.length > 0).toBe((perToken[read] ?? []).length > 0);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('makes one event of a run of a kind in one read, and keeps the order of kinds', () => {
    const call = (index: number, fragment: string, head: boolean) =>
      sse({
        tool_calls: [
          {
            index,
            ...(head ? { id: `call_${index}`, type: 'function' } : {}),
            function: { ...(head ? { name: 'f' } : {}), arguments: fragment },
          },
        ],
      });
    const read = [
      sse({ reasoning: 'a' }),
      sse({ reasoning: 'b' }),
      sse({ content: 'x' }),
      sse({ content: 'y' }),
      sse({ content: 'z' }),
      call(0, '{"k"', true),
      call(0, ':1}', false),
      call(1, '{}', true),
      sse({ reasoning: 'c' }),
    ];
    const [events = []] = eventsPerRead([read], 'coalesced');
    expect(events).toEqual([
      { type: 'reasoning-delta', text: 'ab' },
      { type: 'text-delta', text: 'xyz' },
      { type: 'tool-call-delta', index: 0, id: 'call_0', name: 'f', argumentsDelta: '{"k":1}' },
      { type: 'tool-call-delta', index: 1, id: 'call_1', name: 'f', argumentsDelta: '{}' },
      { type: 'reasoning-delta', text: 'c' },
    ]);
    expect(eventsPerRead([read], 'per-token')[0]).toHaveLength(read.length);
  });
});
