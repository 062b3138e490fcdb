import { canonicalJson } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../random/seeded-random.ts';
import { canonicalRequestKey, hashRequestKey } from './canonical-request-key.ts';

function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(() => random() - 0.5);
  return Object.fromEntries(entries.map(([key, member]) => [key, shuffleKeys(member, random)]));
}

describe('canonicalJson', () => {
  it('is valid JSON of the same value, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        const random = createSeededRandom(seed);
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(shuffleKeys(value, random))).toBe(text);
      }),
    );
  });

  it('leaves out undefined members like JSON.stringify', () => {
    expect(canonicalJson({ b: 1, a: undefined, c: [undefined, 2] })).toBe('{"b":1,"c":[null,2]}');
  });
});

describe('canonicalRequestKey', () => {
  it('sorts keys and hashes to a stable id', () => {
    const key = canonicalRequestKey({ temperature: 0, messages: [{ role: 'user', content: 'hi' }] });
    expect(key).toBe('{"messages":[{"content":"hi","role":"user"}],"temperature":0}');
    // SHA-256 of the UTF-8 key, as `sha256sum` computes it: the same on every machine.
    expect(hashRequestKey(key)).toBe('9828f821a12c1deaf85fba775c32c475681d38e5b080ebf478a1d0d7a6078a0a');
  });
});
