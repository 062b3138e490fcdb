import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAt } from '../__fixtures__/split-at.ts';
import { createThinkSplitter, splitThinking } from './think-splitter.ts';

function splitPieces(pieces: readonly string[]): { text: string; reasoning: string; deltas: string[] } {
  const splitter = createThinkSplitter();
  let text = '';
  let reasoning = '';
  const deltas: string[] = [];
  const sink = (kind: 'text' | 'reasoning', part: string): void => {
    deltas.push(`${kind}:${part}`);
    if (kind === 'text') text += part;
    else reasoning += part;
  };
  for (const piece of pieces) splitter.push(piece, sink);
  splitter.flush(sink);
  return { text, reasoning, deltas };
}

describe('splitThinking', () => {
  it('moves a <think> block out of the reply and drops the whitespace after it', () => {
    expect(splitThinking('<think>\nPhase bits: 2.\n</think>\n\n{"bits":2}')).toEqual({
      text: '{"bits":2}',
      reasoning: '\nPhase bits: 2.\n',
    });
  });

  it('returns text without think blocks unchanged', () => {
    expect(splitThinking('a < b and <thinking> is not a tag')).toEqual({
      text: 'a < b and <thinking> is not a tag',
      reasoning: undefined,
    });
  });

  it('treats an unclosed block as reasoning and joins several blocks', () => {
    expect(splitThinking('A<think>x</think> B<think>y')).toEqual({ text: 'AB', reasoning: 'xy' });
  });
});

describe('createThinkSplitter', () => {
  it('holds back a partial tag until the next piece decides it', () => {
    const { deltas } = splitPieces(['Hi <thi', 'nk>why</th', 'ink> ok', ' <b']);
    expect(deltas).toEqual(['text:Hi ', 'reasoning:why', 'text:ok', 'text: <b']);
  });

  it('releases a held-back "<" that turns out not to be a tag', () => {
    expect(splitPieces(['1 <', ' 2']).deltas).toEqual(['text:1 ', 'text:< 2']);
  });

  it('gives the same text and reasoning for any split of the same content (property)', () => {
    const content = fc
      .array(fc.constantFrom('<think>', '</think>', '<', '</', '<th', 'ink>', ' ', '\n', 'a', 'é', '😀', 'x>'), {
        maxLength: 30,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(content, fc.array(fc.nat(), { maxLength: 8 }), (whole, cuts) => {
        const streamed = splitPieces(splitAt(whole, cuts));
        const expected = splitThinking(whole);
        expect(streamed.text).toBe(expected.text);
        expect(streamed.reasoning).toBe(expected.reasoning ?? '');
      }),
      { numRuns: 500 },
    );
  });
});
