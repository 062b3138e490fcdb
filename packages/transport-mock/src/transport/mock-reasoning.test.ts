import { type ChatRequest, estimateTextTokens } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectEvents } from '../__fixtures__/collect-events.ts';
import { createVirtualClock } from '../clock/virtual-clock.ts';
import { createMockTransport } from './create-mock-transport.ts';

const ask: ChatRequest = {
  model: 'gpt-oss-120b',
  messages: [{ role: 'user', content: 'Which vehicle decodes first under NOMA?' }],
};

describe('reasoning of the in-process mock', () => {
  it('reasons when asked, counting the reasoning in completion and reasoning tokens', async () => {
    const response = await createMockTransport({ seed: 1 }).complete({ ...ask, reasoningEffort: 'low' });
    expect(response.reasoning).toMatch(
      /^The user wrote "Which vehicle decodes first under NOMA\?" [A-Z].*\. Now the answer\.$/,
    );
    expect(response.text).toMatch(/^Mock reply to/);
    const reasoningTokens = estimateTextTokens(response.reasoning ?? '');
    expect(response.usage).toMatchObject({
      reasoningTokens,
      completionTokens: reasoningTokens + estimateTextTokens(response.text),
    });
  });

  it('gives plain requests, effort none and models that do not reason no reasoning', async () => {
    const transport = createMockTransport({ seed: 1 });
    for (const request of [
      ask,
      { ...ask, reasoningEffort: 'none' as const, reasoningFormat: 'parsed' as const },
      { ...ask, reasoningFormat: 'none' as const },
      { ...ask, model: 'llama3.1-8b', reasoningEffort: 'high' as const },
    ]) {
      const response = await transport.complete(request);
      expect(response.reasoning).toBeUndefined();
      expect(response.usage).not.toHaveProperty('reasoningTokens');
      expect(response.usage?.completionTokens).toBe(estimateTextTokens(response.text));
    }
  });

  it('thinks longer at higher effort', async () => {
    const transport = createMockTransport({ seed: 1 });
    const mean = async (effort: 'low' | 'medium' | 'high'): Promise<number> => {
      let total = 0;
      for (let index = 0; index < 20; index += 1) {
        const request = { ...ask, reasoningEffort: effort, temperature: index / 20 };
        total += (await transport.complete(request)).usage?.reasoningTokens ?? 0;
      }
      return total / 20;
    };
    const [low, medium, high] = [await mean('low'), await mean('medium'), await mean('high')];
    expect(low).toBeLessThan(medium);
    expect(medium).toBeLessThan(high);
  });

  it('honours reasoning_format: parsed and raw show it, hidden bills it, Qwen defaults to raw and to hidden for JSON', async () => {
    const transport = createMockTransport({ seed: 4 });
    const qwen = { ...ask, model: 'qwen-3.8-27b', reasoningEffort: 'medium' as const };
    for (const request of [
      { ...ask, reasoningFormat: 'parsed' as const },
      { ...ask, reasoningFormat: 'text_parsed' as const },
      { ...ask, reasoningFormat: 'raw' as const },
      qwen,
    ]) {
      const response = await transport.complete(request);
      expect(response.reasoning?.length).toBeGreaterThan(0);
      expect(response.text).not.toContain('<think>');
    }
    for (const request of [
      { ...ask, reasoningEffort: 'high' as const, reasoningFormat: 'hidden' as const },
      { ...qwen, responseFormat: { type: 'json_object' as const } },
    ]) {
      const response = await transport.complete(request);
      expect(response.reasoning).toBeUndefined();
      expect(response.usage?.reasoningTokens).toBeGreaterThan(0);
      expect(response.usage?.completionTokens).toBe(
        (response.usage?.reasoningTokens ?? 0) + estimateTextTokens(response.text),
      );
    }
  });

  it('streams reasoning deltas before text deltas, joining to the finished response', async () => {
    const transport = createMockTransport({ seed: 4, streamChunkTokens: 3 });
    for (const reasoningFormat of ['parsed', 'raw'] as const) {
      const request = { ...ask, reasoningEffort: 'medium' as const, reasoningFormat };
      const events = await collectEvents(transport.stream(request));
      const finish = events.at(-1);
      const response = finish?.type === 'finish' ? finish.response : undefined;
      const kinds = events.slice(0, -1).map((event) => event.type);
      expect(kinds.indexOf('text-delta')).toBe(kinds.lastIndexOf('reasoning-delta') + 1);
      const joined = (type: string): string =>
        events.map((event) => (event.type === type && 'text' in event ? event.text : '')).join('');
      expect(joined('reasoning-delta')).toBe(response?.reasoning);
      expect(joined('text-delta')).toBe(response?.text);
      expect(response).toEqual({ ...(await transport.complete(request)), latency: response?.latency });
    }
  });

  it('bounds reasoning, text and calls together by maxCompletionTokens (property)', async () => {
    const transport = createMockTransport({ seed: 8 });
    const request = fc.record({
      model: fc.constantFrom('gpt-oss-120b', 'qwen-3.8-27b'),
      messages: fc.constant(ask.messages),
      maxCompletionTokens: fc.integer({ min: 0, max: 200 }),
      reasoningEffort: fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
      reasoningFormat: fc.constantFrom('parsed' as const, 'raw' as const, 'hidden' as const),
      tools: fc.constantFrom(undefined, [{ type: 'function' as const, function: { name: 'hold' } }]),
    });
    await fc.assert(
      fc.asyncProperty(request, async (chat) => {
        const response = await transport.complete(chat);
        const usage = response.usage;
        expect(usage?.completionTokens).toBeLessThanOrEqual(chat.maxCompletionTokens);
        expect(usage?.reasoningTokens).toBeLessThanOrEqual(usage?.completionTokens ?? 0);
        if (response.finishReason === 'length') expect(response.toolCalls).toBeUndefined();
        if ((usage?.reasoningTokens ?? 0) === chat.maxCompletionTokens) expect(response.text).toBe('');
      }),
      { numRuns: 200 },
    );
  });

  it('uses a responder’s reasoning, in the requested format, unless reasoning is switched off', async () => {
    const transport = createMockTransport({
      responder: () => ({ text: '{"first":"near"}', reasoning: 'Near is weaker.' }),
    });
    expect(await transport.complete(ask)).toMatchObject({ reasoning: 'Near is weaker.', text: '{"first":"near"}' });
    expect(await transport.complete({ ...ask, model: 'qwen-3.8-27b' })).toMatchObject({ reasoning: 'Near is weaker.' });
    const off = await transport.complete({ ...ask, reasoningEffort: 'none' });
    expect(off.reasoning).toBeUndefined();
    expect(off.usage?.completionTokens).toBe(estimateTextTokens('{"first":"near"}'));
  });

  it('spends hidden reasoning time before the first text delta, on the injected clock', async () => {
    const clock = createVirtualClock({ autoAdvance: true });
    const latency = { kind: 'fixed', ms: 0, tokensPerSecond: 1000 } as const;
    const transport = createMockTransport({
      clock,
      latency,
      responder: () => ({ text: 'x'.repeat(8), reasoning: 'y'.repeat(400) }),
    });
    const events = await collectEvents(transport.stream({ ...ask, reasoningFormat: 'hidden' }));
    const finish = events.at(-1);
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'finish']);
    expect(finish?.type === 'finish' && finish.response.latency).toEqual({
      totalMs: 102,
      headersMs: 0,
      timeToFirstTokenMs: 102,
    });
  });
});
