import type { StreamDeltaMode } from '@acpt/config';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackAdapter } from '../__fixtures__/loopback-adapter.ts';
import type { AdapterStreamEvent } from '../adapter-types.ts';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TOKENS = 200;

interface Observed {
  readonly textDeltas: string[];
  readonly finalText: string;
  readonly firstTokens: number;
  readonly chunkIndexes: number[];
  readonly ttftRecorded: number;
}

/** One unpaced 200-token stream (one delta per SSE chunk, every chunk in one write) through the adapter. */
async function streamOnce(deltas: StreamDeltaMode | undefined): Promise<Observed> {
  const started = await startLoopbackAdapter({ streamChunkTokens: 1, responder: () => 'tok '.repeat(TOKENS) });
  cleanups.push(started.close);
  const { adapter } = started;
  let firstTokens = 0;
  const chunkIndexes: number[] = [];
  adapter.on('first-token', () => {
    firstTokens++;
  });
  adapter.on('stream-chunk', (event) => {
    chunkIndexes.push(event.index);
  });
  const textDeltas: string[] = [];
  let finalText = '';
  const events: AdapterStreamEvent[] = [];
  for await (const event of adapter.stream('Stream 200 tokens.', deltas === undefined ? {} : { deltas })) {
    events.push(event);
    if (event.type === 'text-delta') textDeltas.push(event.text);
    if (event.type === 'finish') finalText = event.response.text;
  }
  const ttftRecorded = adapter.diagnostics().timeToFirstTokenMs.count;
  return { textDeltas, finalText, firstTokens, chunkIndexes, ttftRecorded };
}

describe('coalesced stream deltas through the adapter (real transport, mock server over loopback)', () => {
  it('by default hands a burst of tokens over in a few steps, one stream-chunk event per step', async () => {
    const seen = await streamOnce(undefined);
    expect(seen.textDeltas.join('')).toBe(seen.finalText);
    expect(seen.finalText).toBe('tok '.repeat(TOKENS));
    // All 200 chunks went out in one write: a few reads at most, never one step per token.
    expect(seen.textDeltas.length).toBeLessThan(TOKENS / 4);
    expect(seen.firstTokens).toBe(1);
    expect(seen.ttftRecorded).toBe(1);
    expect(seen.chunkIndexes).toEqual(Array.from({ length: seen.textDeltas.length - 1 }, (_unused, i) => i + 1));
  });

  it("with deltas: 'per-token' yields one text-delta and one stream-chunk event per wire delta", async () => {
    const seen = await streamOnce('per-token');
    expect(seen.textDeltas).toHaveLength(TOKENS);
    expect(seen.textDeltas.join('')).toBe(seen.finalText);
    expect(seen.firstTokens).toBe(1);
    expect(seen.chunkIndexes).toEqual(Array.from({ length: TOKENS - 1 }, (_unused, i) => i + 1));
  });
});
