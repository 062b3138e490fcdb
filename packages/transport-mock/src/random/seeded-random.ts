import { hashWords } from './hash.ts';

/** A source of uniform numbers in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

/**
 * A deterministic random source (sfc32, integer arithmetic only, so every engine gives the same sequence), seeded
 * with the SHA-256 of `seed`: equal seeds give equal sequences, different seeds unrelated ones.
 *
 * @example
 * const random = createSeededRandom('request-7');
 * random(); // always the same first number for 'request-7'
 */
export function createSeededRandom(seed: string | number): RandomSource {
  let [a, b, c, d] = hashWords(String(seed));
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A whole number from `min` to `max`, both included. */
export function randomInteger(random: RandomSource, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of a non-empty list. */
export function randomPick<T>(random: RandomSource, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}
