/** The kind of delta a learned chunk shape carries. */
export type ShapeKind = 'content' | 'reasoning';

interface Shape {
  readonly kind: ShapeKind;
  /** The chunk's bytes up to and including the opening quote of the delta's string. */
  readonly prefix: string;
  /** The chunk's bytes from the closing quote of the delta's string to the end. */
  readonly suffix: string;
}

/** A JSON string body without these is its own value; with them it needs decoding (or is not one string). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are what JSON strings may not hold.
const NEEDS_DECODING = /["\\\u0000-\u001f]/;
const ROOT_KEYS = new Set(['id', 'object', 'created', 'model', 'system_fingerprint', 'choices']);

/**
 * The fast path of a stream's most common events. Every chunk of a Cerebras stream repeats the same envelope (`id`,
 * `object`, `created`, `model`, `system_fingerprint`, `choices[0].index`) around one varying string: `delta.content`
 * or `delta.reasoning`. Once a chunk of exactly that form has been parsed the slow way ({@link ChunkShapes.learn}),
 * a later chunk made of the same bytes before and after that string is read by slicing the string out
 * ({@link ChunkShapes.read}) instead of `JSON.parse` of the whole chunk.
 *
 * Exactness: the bytes before the string are identical, so the parser state at the string is identical; the slice is
 * taken only when it is one complete JSON string body (checked, or decoded by `JSON.parse` of that string alone), so
 * the string ends exactly where the learned suffix — identical bytes again — begins. The result is therefore what
 * `JSON.parse` of the whole chunk would give. Anything else (other keys, `finish_reason`, usage, tool calls, errors,
 * another envelope) returns `undefined` and takes the slow path.
 */
export class ChunkShapes {
  readonly #shapes: Shape[] = [];
  /** The kind of the delta {@link read} last returned. */
  kind: ShapeKind = 'content';

  /** The delta string of `data` when it has a learned shape (its kind in {@link kind}), else `undefined`. */
  read(data: string): string | undefined {
    const shapes = this.#shapes;
    for (let index = 0; index < shapes.length; index++) {
      const { prefix, suffix, kind } = shapes[index] as Shape;
      const end = data.length - suffix.length;
      // Slices compared with `===` (a memcmp): `startsWith` / `endsWith` cost several times more on sliced strings.
      if (end < prefix.length || data.slice(0, prefix.length) !== prefix || data.slice(end) !== suffix) continue;
      const body = data.slice(prefix.length, end);
      this.kind = kind;
      if (!NEEDS_DECODING.test(body)) return body;
      try {
        const value: unknown = JSON.parse(`"${body}"`);
        return typeof value === 'string' ? value : undefined;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  /**
   * Learns the shape of `data`, already parsed into `chunk`, when it is an envelope with one choice at index 0 whose
   * delta is exactly one `content` or `reasoning` string (and nothing else: no `finish_reason`, usage, error).
   */
  learn(data: string, chunk: object): void {
    for (const key in chunk) {
      if (!ROOT_KEYS.has(key)) return;
      const value = (chunk as Record<string, unknown>)[key];
      if (key !== 'choices' && typeof value !== (key === 'created' ? 'number' : 'string')) return;
    }
    const choices = (chunk as { choices?: unknown }).choices;
    if (!Array.isArray(choices) || choices.length !== 1) return;
    const choice = choices[0] as Record<string, unknown> | null;
    if (typeof choice !== 'object' || choice === null) return;
    for (const key in choice) if (key !== 'index' && key !== 'delta') return;
    if (typeof choice.index !== 'number') return;
    const delta = choice.delta as Record<string, unknown> | null | undefined;
    if (typeof delta !== 'object' || delta === null) return;
    const keys = Object.keys(delta);
    const kind = keys[0];
    if (keys.length !== 1 || (kind !== 'content' && kind !== 'reasoning')) return;
    const value = delta[kind];
    if (typeof value !== 'string') return;
    const marker = `"${kind}":${JSON.stringify(value)}`;
    const at = data.lastIndexOf(marker);
    if (at === -1) return;
    const bodyStart = at + kind.length + 4;
    const shape: Shape = { kind, prefix: data.slice(0, bodyStart), suffix: data.slice(at + marker.length - 1) };
    const known = this.#shapes.findIndex((candidate) => candidate.kind === kind);
    if (known === -1) this.#shapes.push(shape);
    else this.#shapes[known] = shape;
  }
}
