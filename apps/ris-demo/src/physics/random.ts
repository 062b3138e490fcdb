/**
 * Seeded pseudo-random numbers: xoshiro128** (D. Blackman, S. Vigna, "Scrambled Linear Pseudorandom Number
 * Generators", ACM TOMS 47(4), 2021) with a 128-bit state derived by hashing the seed and a stream path through the
 * MurmurHash3 32-bit finaliser. Distinct paths give statistically independent substreams, so one vehicle's or one
 * link's draws never depend on how many numbers another one consumed.
 */

/** A source of random numbers; every random draw of the simulation goes through one. */
export interface Random {
  /** Uniform on [0, 1) with 32-bit resolution. */
  uniform(): number;
  /** Standard normal N(0, 1) (Marsaglia polar method; spares are cached). */
  normal(): number;
  /** Uniform integer in [0, count). */
  integer(count: number): number;
}

const TWO_TO_MINUS_32 = 2 ** -32;

/** MurmurHash3 32-bit finaliser (A. Appleby): a bijective avalanche mix of a 32-bit word. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashPath(seed: number, path: readonly number[], word: number): number {
  const low = seed % 2 ** 32;
  const high = Math.floor(seed / 2 ** 32);
  let h = mix32(0x9e3779b9 * (word + 1));
  for (const part of [low, high, path.length, ...path]) {
    h = mix32((h ^ mix32(part + 0x7f4a7c15)) + 0x6a09e667);
  }
  return h;
}

class Xoshiro128StarStar implements Random {
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;
  #spare = 0;
  #hasSpare = false;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.#s0 = s0 | 0;
    this.#s1 = s1 | 0;
    this.#s2 = s2 | 0;
    this.#s3 = (s0 | s1 | s2 | s3) === 0 ? 1 : s3 | 0;
  }

  #next(): number {
    const s1 = this.#s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9);
    const t = s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= s1;
    this.#s1 = s1 ^ this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = (this.#s3 << 11) | (this.#s3 >>> 21);
    return result >>> 0;
  }

  uniform(): number {
    return this.#next() * TWO_TO_MINUS_32;
  }

  normal(): number {
    if (this.#hasSpare) {
      this.#hasSpare = false;
      return this.#spare;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.#spare = v * factor;
    this.#hasSpare = true;
    return u * factor;
  }

  integer(count: number): number {
    return Math.floor(this.uniform() * count);
  }
}

/**
 * Creates the substream `path` of `seed`. The same (seed, path) always yields the same sequence.
 * @param seed A non-negative safe integer; 0 is a seed like any other.
 * @param path Stream labels, e.g. `[STREAM.fading, rsuIndex, vehicleIndex]`.
 * @throws {RangeError} If the seed is not a non-negative safe integer.
 * @example const random = createRandom(42, [1, 3]); random.normal();
 */
export function createRandom(seed: number, path: readonly number[] = []): Random {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
  }
  return new Xoshiro128StarStar(
    hashPath(seed, path, 0),
    hashPath(seed, path, 1),
    hashPath(seed, path, 2),
    hashPath(seed, path, 3),
  );
}

/**
 * Creates a generator from an explicit xoshiro128** state (four 32-bit words, not all zero); for reference-vector tests.
 */
export function createRandomFromState(state: readonly [number, number, number, number]): Random {
  return new Xoshiro128StarStar(state[0], state[1], state[2], state[3]);
}

/** Draws (x + j y)/√2 with x, y ~ N(0, 1): a circularly-symmetric CN(0, 1) sample, written to `out`. */
export function complexNormal(random: Random, out: { re: number; im: number }): void {
  out.re = random.normal() * Math.SQRT1_2;
  out.im = random.normal() * Math.SQRT1_2;
}
