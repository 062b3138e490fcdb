import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPieces, truncateToTokens } from './split-text.ts';

const isLone = (text: string): boolean => /^[\udc00-\udfff]|[\ud800-\udbff]$/.test(text);

describe('splitPieces', () => {
  it('joins back to the text, in pieces of the token size, never splitting a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.integer({ min: 1, max: 8 }), (text, tokens) => {
        const pieces = splitPieces(text, tokens);
        expect(pieces.join('')).toBe(text);
        for (const piece of pieces) {
          expect(piece.length).toBeGreaterThan(0);
          expect(piece.length).toBeLessThanOrEqual(tokens * 4 + 1);
          expect(isLone(piece)).toBe(false);
        }
      }),
    );
  });
});

describe('truncateToTokens', () => {
  it('keeps a prefix within the token budget that never ends inside a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), fc.nat(30), (text, tokens) => {
        const cut = truncateToTokens(text, tokens);
        expect(text.startsWith(cut)).toBe(true);
        expect(Math.ceil(cut.length / 4)).toBeLessThanOrEqual(tokens);
        expect(cut.length === text.length || !isLone(cut)).toBe(true);
      }),
    );
  });
});
