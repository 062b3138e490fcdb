import { createHash } from 'node:crypto';

/** SHA-256 of a string's UTF-8 bytes, as 64 lower-case hex digits. The same on every machine and Node version. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The first four 32-bit words of a string's SHA-256: a 128-bit seed for {@link createSeededRandom}. */
export function hashWords(text: string): readonly [number, number, number, number] {
  const digest = createHash('sha256').update(text).digest();
  return [digest.readUInt32BE(0), digest.readUInt32BE(4), digest.readUInt32BE(8), digest.readUInt32BE(12)];
}

/**
 * A uniform number in [0, 1) that depends only on `seed` and `index`, without any allocation: two rounds of the
 * murmur3 finaliser over the pair. Used for per-request decisions (fault probabilities, seeded latency).
 */
export function uniformAt(seed: number, index: number): number {
  let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index | 0, 0xc2b2ae35);
  h = fmix32(h);
  h = fmix32(h ^ Math.imul((index / 4294967296) | 0, 0x27d4eb2f));
  return (h >>> 0) / 4294967296;
}

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
