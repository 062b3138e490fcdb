import type { ChatStreamEvent } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChatStreamAccumulator } from './chat-stream-accumulator.ts';

/** One wire delta: content, parsed reasoning, or a fragment of tool call `index` (its first one names it). */
type WireDelta =
  | { readonly kind: 'content'; readonly text: string }
  | { readonly kind: 'reasoning'; readonly text: string }
  | { readonly kind: 'tool'; readonly index: number; readonly fragment: string };

const wireDelta: fc.Arbitrary<WireDelta> = fc.oneof(
  fc.record({ kind: fc.constant('content' as const), text: fc.string({ minLength: 1 }) }),
  fc.record({ kind: fc.constant('reasoning' as const), text: fc.string({ minLength: 1 }) }),
  fc.record({ kind: fc.constant('tool' as const), index: fc.integer({ min: 0, max: 2 }), fragment: fc.string() }),
);

function chunk(delta: Record<string, unknown>, finishReason?: string): string {
  const choice = finishReason === undefined ? { index: 0, delta } : { index: 0, delta, finish_reason: finishReason };
  return JSON.stringify({
    id: 'chatcmpl-p',
    object: 'chat.completion.chunk',
    model: 'gpt-oss-120b',
    choices: [choice],
  });
}

function run(deltas: readonly WireDelta[]): ChatStreamEvent[] {
  const accumulator = createChatStreamAccumulator({
    url: 'http://127.0.0.1/v1/chat/completions',
    headers: {},
    clock: () => 0,
    startedAt: 0,
    redact: (text) => text,
  });
  const named = new Set<number>();
  const accept = (data: string): void => accumulator.accept({ event: undefined, data, id: undefined });
  for (const delta of deltas) {
    if (delta.kind === 'content') accept(chunk({ content: delta.text }));
    else if (delta.kind === 'reasoning') accept(chunk({ reasoning: delta.text }));
    else {
      const head = named.has(delta.index) ? {} : { id: `call_${delta.index}`, type: 'function' };
      const name = named.has(delta.index) ? {} : { name: `tool_${delta.index}` };
      named.add(delta.index);
      accept(
        chunk({ tool_calls: [{ index: delta.index, ...head, function: { ...name, arguments: delta.fragment } }] }),
      );
    }
  }
  accept(chunk({}, named.size > 0 ? 'tool_calls' : 'stop'));
  const response = accumulator.complete({ headers: {}, observedAtMs: 0, latency: { totalMs: 1 } });
  return [...accumulator.events, { type: 'finish', response }];
}

describe('chat stream accumulator: the event union', () => {
  it('any interleaving of text, reasoning and tool-call deltas yields events one exhaustive switch folds back (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(wireDelta, { maxLength: 40 }), (deltas) => {
        const events = run(deltas);
        let text = '';
        let reasoning = '';
        const toolArguments: string[] = [];
        const toolCalls: string[] = [];
        let finishes = 0;
        for (const event of events) {
          expect(finishes).toBe(0);
          switch (event.type) {
            case 'text-delta':
              text += event.text;
              break;
            case 'reasoning-delta':
              reasoning += event.text;
              break;
            case 'tool-call-delta':
              expect(event.id).toBe(`call_${event.index}`);
              expect(event.name).toBe(`tool_${event.index}`);
              toolArguments[event.index] = (toolArguments[event.index] ?? '') + event.argumentsDelta;
              break;
            case 'tool-call':
              expect(toolArguments[event.index]).toBe(event.toolCall.function.arguments);
              toolCalls[event.index] = event.toolCall.function.arguments;
              break;
            case 'finish':
              finishes++;
              expect(event.response.text).toBe(text);
              expect(event.response.reasoning ?? '').toBe(reasoning);
              expect((event.response.toolCalls ?? []).map((call) => call.function.arguments)).toEqual(
                toolCalls.filter((call) => call !== undefined),
              );
              break;
            default: {
              const unhandled: never = event;
              throw new Error(`unhandled ${JSON.stringify(unhandled)}`);
            }
          }
        }
        expect(finishes).toBe(1);
        const content = (kind: 'content' | 'reasoning'): string =>
          deltas.flatMap((delta) => (delta.kind === kind ? [delta.text] : [])).join('');
        // `<think>` splitting may move content into reasoning; nothing is lost or duplicated.
        expect(text.length + reasoning.length).toBe(content('content').length + content('reasoning').length);
        expect(toolCalls).toEqual(toolArguments);
      }),
      { numRuns: 300 },
    );
  });
});
