import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkShapes } from './chunk-shapes.ts';

type Kind = 'content' | 'reasoning';

const envelope = fc.record({
  id: fc.string(),
  object: fc.constant('chat.completion.chunk'),
  created: fc.integer({ min: 0, max: 2_000_000_000 }),
  model: fc.constantFrom('gpt-oss-120b', 'qwen-3.8-27b'),
  system_fingerprint: fc.string(),
});

/** Text with what JSON must escape, what it may escape, quotes and backslashes, and astral characters. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('tok ', 'a\nb', 'say "hi"', 'back\\slash', '\u0000', 'é😀', '"}}]}', '","x":"'),
);

/** How a server might spell a string: `JSON.stringify`, or with every non-ASCII character and `/` escaped. */
function spell(value: string, escapeAll: boolean): string {
  const plain = JSON.stringify(value);
  if (!escapeAll) return plain;
  return plain.replace(/[\u007f-\uffff/]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function chunkText(env: Record<string, unknown>, kind: Kind, body: string): string {
  const head = JSON.stringify(env).slice(0, -1);
  return `${head},"choices":[{"index":0,"delta":{"${kind}":${body}}}]}`;
}

describe('chunk shapes: the fast path of content and reasoning chunks', () => {
  it('returns a delta only when JSON.parse of the whole chunk gives that delta in the learned envelope (fast-check)', () => {
    let hits = 0;
    fc.assert(
      fc.property(
        envelope,
        fc.constantFrom<Kind>('content', 'reasoning'),
        text,
        fc.array(
          fc.oneof(
            // The same envelope with another string, spelled in either way.
            fc.record({ tag: fc.constant('same' as const), value: text, escapeAll: fc.boolean() }),
            // The learned prefix and suffix around arbitrary bytes (quotes, backslashes, broken escapes).
            fc.record({ tag: fc.constant('raw' as const), body: fc.string({ unit: 'binary' }) }),
            // Another envelope, another kind, or extra keys after the delta.
            fc.record({
              tag: fc.constant('other' as const),
              env: envelope,
              kind: fc.constantFrom<Kind>('content', 'reasoning'),
              value: text,
            }),
            fc.record({ tag: fc.constant('finish' as const), value: text }),
          ),
          { maxLength: 12 },
        ),
        (env, kind, first, candidates) => {
          const shapes = new ChunkShapes();
          const template = chunkText(env, kind, JSON.stringify(first));
          shapes.learn(template, JSON.parse(template));
          const prefix = template.slice(0, template.length - JSON.stringify(first).length - 4 + 1);
          for (const candidate of candidates) {
            let data: string;
            if (candidate.tag === 'same') data = chunkText(env, kind, spell(candidate.value, candidate.escapeAll));
            else if (candidate.tag === 'raw') data = `${prefix}${candidate.body}"}}]}`;
            else if (candidate.tag === 'other')
              data = chunkText(candidate.env, candidate.kind, JSON.stringify(candidate.value));
            else
              data = `${chunkText(env, kind, JSON.stringify(candidate.value)).slice(0, -3)},"finish_reason":"stop"}]}`;
            const read = shapes.read(data);
            if (candidate.tag === 'same') {
              // The learned envelope with another string is always taken, however it is spelled.
              expect(read).toBe(candidate.value);
              expect(shapes.kind).toBe(kind);
              hits++;
            }
            if (read === undefined) continue;
            let parsed: unknown;
            try {
              parsed = JSON.parse(data);
            } catch {
              throw new Error(`the fast path read ${JSON.stringify(read)} out of invalid JSON ${data}`);
            }
            expect(parsed).toEqual({ ...env, choices: [{ index: 0, delta: { [shapes.kind]: read } }] });
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(hits).toBeGreaterThan(100);
  });

  it('learns nothing from chunks with more than one string delta or other fields', () => {
    const env = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', system_fingerprint: 'f' };
    const cases = [
      { ...env, choices: [{ index: 0, delta: { content: 'a', reasoning: 'b' } }] },
      { ...env, choices: [{ index: 0, delta: { content: 'a' }, finish_reason: 'stop' }] },
      { ...env, choices: [{ index: 0, delta: { role: 'assistant' } }] },
      { ...env, choices: [{ index: 0, delta: { content: 'a' } }], usage: { total_tokens: 1 } },
      { ...env, object: { content: 'a' }, choices: [{ index: 0, delta: { content: 'a' } }] },
      {
        ...env,
        choices: [
          { index: 0, delta: { content: 'a' } },
          { index: 1, delta: { content: 'a' } },
        ],
      },
    ];
    for (const chunk of cases) {
      const shapes = new ChunkShapes();
      const data = JSON.stringify(chunk);
      shapes.learn(data, chunk);
      expect(shapes.read(data)).toBeUndefined();
    }
  });
});
