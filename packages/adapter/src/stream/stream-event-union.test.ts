import { type ChatStreamEvent, RetryExhaustedError, type ToolCall, type Transport } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../__fixtures__/test-config.ts';
import type { AdapterResponse, AdapterStreamEvent } from '../adapter-types.ts';
import { createAdapter } from '../create-adapter.ts';

type Delta = Extract<ChatStreamEvent, { type: 'text-delta' | 'reasoning-delta' | 'tool-call-delta' }>;

/** The parts a consumer rebuilds with an exhaustive `switch`; the `never` default fails to compile on a new type. */
interface Folded {
  text: string;
  reasoning: string;
  toolArguments: string[];
  toolCalls: ToolCall[];
  finishes: number;
  afterFinish: number;
  response?: AdapterResponse;
}

function fold(events: readonly AdapterStreamEvent[]): Folded {
  const folded: Folded = { text: '', reasoning: '', toolArguments: [], toolCalls: [], finishes: 0, afterFinish: 0 };
  for (const event of events) {
    if (folded.finishes > 0) folded.afterFinish++;
    switch (event.type) {
      case 'text-delta':
        folded.text += event.text;
        break;
      case 'reasoning-delta':
        folded.reasoning += event.text;
        break;
      case 'tool-call-delta':
        folded.toolArguments[event.index] = (folded.toolArguments[event.index] ?? '') + event.argumentsDelta;
        break;
      case 'tool-call':
        folded.toolCalls[event.index] = event.toolCall;
        break;
      case 'finish':
        folded.finishes++;
        folded.response = event.response;
        break;
      default: {
        const unhandled: never = event;
        throw new Error(`unhandled ${JSON.stringify(unhandled)}`);
      }
    }
  }
  return folded;
}

/** A transport that streams `deltas` (then a `tool-call` per call and `finish`), or fails after them. */
function deltaTransport(deltas: readonly Delta[], failAfter?: unknown): Transport & { calls: number } {
  const transport = {
    provider: 'scripted',
    calls: 0,
    complete: () => Promise.reject(new Error('not used')),
    async *stream(): AsyncIterable<ChatStreamEvent> {
      transport.calls++;
      const calls: ToolCall[] = [];
      for (const delta of deltas) {
        yield delta;
        if (delta.type !== 'tool-call-delta') continue;
        const known = calls[delta.index];
        const previous = known?.function.arguments ?? '';
        calls[delta.index] = {
          id: delta.id,
          type: 'function',
          function: { name: delta.name, arguments: previous + delta.argumentsDelta },
        };
      }
      if (failAfter !== undefined) throw failAfter;
      const toolCalls = calls.filter(Boolean);
      for (const [index, toolCall] of calls.entries()) if (toolCall) yield { type: 'tool-call', index, toolCall };
      const text = deltas.flatMap((delta) => (delta.type === 'text-delta' ? [delta.text] : [])).join('');
      yield {
        type: 'finish',
        response: {
          id: 'chatcmpl-1',
          model: 'gpt-oss-120b',
          provider: 'scripted',
          text,
          finishReason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
          ...(toolCalls.length > 0 ? { toolCalls } : {}),
          latency: { totalMs: 1 },
        },
      };
    },
    close: () => Promise.resolve(),
  };
  return transport;
}

const deltaArbitrary: fc.Arbitrary<Delta> = fc.oneof(
  fc.record({ type: fc.constant('text-delta' as const), text: fc.string() }),
  fc.record({ type: fc.constant('reasoning-delta' as const), text: fc.string() }),
  fc
    .record({ index: fc.integer({ min: 0, max: 2 }), argumentsDelta: fc.string() })
    .map(({ index, argumentsDelta }) => ({
      type: 'tool-call-delta' as const,
      index,
      id: `call_${index}`,
      name: `tool_${index}`,
      argumentsDelta,
    })),
);

describe('the stream event union through the adapter', () => {
  it('any interleaving of text, reasoning and tool-call deltas is handled by one exhaustive switch (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(deltaArbitrary, { maxLength: 30 }), async (deltas) => {
        const adapter = createAdapter({ config: testConfig(), transport: deltaTransport(deltas) });
        const events: AdapterStreamEvent[] = [];
        for await (const event of adapter.stream('go')) events.push(event);
        await adapter.close();
        const folded = fold(events);
        const joined = (type: 'text-delta' | 'reasoning-delta'): string =>
          deltas.flatMap((delta) => (delta.type === type ? [delta.text] : [])).join('');
        expect(folded.finishes).toBe(1);
        expect(folded.afterFinish).toBe(0);
        expect(events.at(-1)?.type).toBe('finish');
        expect(folded.text).toBe(joined('text-delta'));
        expect(folded.reasoning).toBe(joined('reasoning-delta'));
        expect(folded.toolCalls.map((call) => call.function.arguments)).toEqual(folded.toolArguments);
        expect(folded.response?.toolCalls ?? []).toEqual(folded.toolCalls.filter(Boolean));
        expect(folded.response?.requestId).toBe('req-1');
        // Empty text and reasoning deltas are dropped; tool-call deltas (even empty ones) and calls pass through.
        const kept = deltas.filter((delta) => delta.type === 'tool-call-delta' || delta.text !== '');
        expect(events.filter((event) => event.type !== 'finish' && event.type !== 'tool-call')).toEqual(kept);
      }),
      { numRuns: 150 },
    );
  });

  it('never retries a stream after a tool-call delta reached the caller', async () => {
    const failure = Object.assign(new Error('reset'), { retryable: true });
    const transport = deltaTransport(
      [{ type: 'tool-call-delta', index: 0, id: 'call_0', name: 'set_phase', argumentsDelta: '{"bi' }],
      failure,
    );
    const adapter = createAdapter({ config: testConfig(), transport });
    const events: AdapterStreamEvent[] = [];
    let caught: unknown;
    try {
      for await (const event of adapter.stream('go')) events.push(event);
    } catch (error) {
      caught = error;
    }
    await adapter.close();
    expect(events.map((event) => event.type)).toEqual(['tool-call-delta']);
    expect(transport.calls).toBe(1);
    expect(RetryExhaustedError.isInstance(caught) ? caught.reason : caught).toBe('stream-already-delivered');
  });
});
