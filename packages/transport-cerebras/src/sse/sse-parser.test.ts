import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAt } from '../__fixtures__/split-at.ts';
import { createSseParser, type SseEvent } from './sse-parser.ts';

const encoder = new TextEncoder();

function parse(pieces: readonly (string | Uint8Array)[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  for (const piece of pieces) parser.push(typeof piece === 'string' ? encoder.encode(piece) : piece);
  parser.end();
  return events;
}

const data = (value: string, event?: string): SseEvent => ({ event, data: value, id: undefined });

describe('createSseParser', () => {
  it.each([
    ['\\n\\n', 'data: a\n\ndata: b\n\n'],
    ['\\r\\n\\r\\n', 'data: a\r\n\r\ndata: b\r\n\r\n'],
    ['\\r\\r', 'data: a\r\rdata: b\r\r'],
    ['mixed', 'data: a\r\n\ndata: b\r\r\n'],
  ])('splits events on %s boundaries', (_name, stream) => {
    expect(parse([stream])).toEqual([data('a'), data('b')]);
  });

  it('skips comment lines and joins several data lines with \\n', () => {
    expect(parse([': keep-alive\n\ndata: {"a":\n: inline comment\ndata: 1}\n\n'])).toEqual([data('{"a":\n1}')]);
  });

  it('drops one space after the colon only, and reads fields without a colon', () => {
    expect(parse(['data:x\ndata:  y\ndata\n\n'])).toEqual([data('x\n y\n')]);
  });

  it('keeps the event name, the id, and ignores retry and unknown fields', () => {
    expect(parse(['event: error\nid: 7\nretry: 100\nfoo: bar\ndata: {}\n\n'])).toEqual([
      { event: 'error', data: '{}', id: '7' },
    ]);
  });

  it('delivers an event: error without data, but not an empty event', () => {
    expect(parse(['\n\nevent: error\n\n'])).toEqual([data('', 'error')]);
  });

  it('reassembles a UTF-8 character split across reads', () => {
    const bytes = encoder.encode('data: héllo ✓ 😀\n\n');
    const cut = bytes.indexOf(0xf0) + 2;
    expect(parse([bytes.slice(0, 8), bytes.slice(8, cut), bytes.slice(cut)])).toEqual([data('héllo ✓ 😀')]);
  });

  it('strips a leading byte-order mark', () => {
    expect(parse([new Uint8Array([0xef, 0xbb]), new Uint8Array([0xbf]), 'data: a\n\n'])).toEqual([data('a')]);
  });

  it('delivers an event as soon as its closing line ending arrives, even as the last byte of a read', () => {
    const events: SseEvent[] = [];
    const parser = createSseParser((event) => events.push(event));
    parser.push(encoder.encode('data: a\n\n'));
    expect(events).toEqual([data('a')]);
    parser.push(encoder.encode('data: b\r\n\r'));
    expect(events).toEqual([data('a'), data('b')]);
    parser.push(encoder.encode('\ndata: c\r'));
    parser.push(encoder.encode('\r'));
    expect(events).toEqual([data('a'), data('b'), data('c')]);
  });

  it('treats a \\r then \\n in the next read as one line ending', () => {
    expect(parse(['data: a\r', '\n', '\r', '\ndata: b\n\n'])).toEqual([data('a'), data('b')]);
  });

  it('delivers a last event that lacks its blank line at the end of the body', () => {
    expect(parse(['data: a\n\ndata: last'])).toEqual([data('a'), data('last')]);
    expect(parse(['data: a\n\ndata: last\n'])).toEqual([data('a'), data('last')]);
  });
});

describe('createSseParser (property)', () => {
  const lineEnding = fc.constantFrom('\n', '\r\n', '\r');
  const text = fc.string({ unit: fc.constantFrom('a', 'é', '✓', '😀', ' ', ':', '{', '"') });
  const safeText = text.filter((value) => !value.includes('\n') && !value.includes('\r'));
  const event = fc.record({
    name: fc.option(fc.constantFrom('error', 'message'), { nil: undefined }),
    lines: fc.array(safeText, { minLength: 1, maxLength: 3 }),
    comment: fc.boolean(),
  });

  it('yields the same events for any split of the same bytes', () => {
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 6 }),
        lineEnding,
        fc.array(fc.nat(), { maxLength: 12 }),
        (events, eol, cuts) => {
          let stream = '';
          for (const item of events) {
            if (item.comment) stream += `: ping${eol}`;
            if (item.name !== undefined) stream += `event: ${item.name}${eol}`;
            for (const line of item.lines) stream += `data: ${line}${eol}`;
            stream += eol;
          }
          const bytes = encoder.encode(stream);
          const pieces = splitAt(bytes, cuts);
          const expected = events.map((item) => data(item.lines.join('\n'), item.name));
          expect(parse(pieces)).toEqual(expected);
          expect(parse([bytes])).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
