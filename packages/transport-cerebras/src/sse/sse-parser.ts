/** One server-sent event. */
export interface SseEvent {
  /** The `event:` field, when the event had one (`error` for Cerebras' error events). */
  readonly event: string | undefined;
  /** Its `data:` lines joined with `\n` (empty when it had none). */
  readonly data: string;
  /** The `id:` field, when present. */
  readonly id: string | undefined;
}

/** Incremental SSE parser: bytes in, events out through the callback given at creation. */
export interface SseParser {
  /** Feeds the next bytes of the body, split anywhere (inside a line, a `\r\n` or a UTF-8 character). */
  push(chunk: Uint8Array): void;
  /** The body has ended: a last event that lacks its closing blank line is still delivered. */
  end(): void;
}

const LF = 10;
const COLON = 58;
const SPACE = 32;

/**
 * Creates an SSE parser following the WHATWG event-stream rules: lines end in `\n`, `\r\n` or `\r` (so events are
 * separated by `\n\n`, `\r\n\r\n` or `\r\r`); `:` lines are comments; several `data:` lines are joined with `\n`;
 * one space after the colon is dropped. Bytes are decoded by a streaming `TextDecoder`, so a UTF-8 character split
 * across reads comes out whole. An event is delivered the moment the line ending that closes it has arrived, even
 * when that is the last byte of a read: a `\r` is taken as a line end at once, and a `\n` right after it is skipped.
 * Unlike the WHATWG rules, an event with an `event:` field but no data is delivered too (an `event: error` must not
 * vanish), and so is a final event cut off before its blank line.
 *
 * @param onEvent - called synchronously for every event, in order
 */
export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let skipLf = false;
  let data = '';
  let hasData = false;
  let eventName: string | undefined;
  let id: string | undefined;

  const dispatch = (): void => {
    if (hasData || eventName !== undefined) onEvent({ event: eventName, data, id });
    data = '';
    hasData = false;
    eventName = undefined;
    id = undefined;
  };

  const line = (text: string): void => {
    if (text.length === 0) {
      dispatch();
      return;
    }
    if (text.charCodeAt(0) === COLON) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = '';
    if (colon !== -1) value = text.slice(text.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1);
    if (field === 'data') {
      data = hasData ? data + '\n' + value : value;
      hasData = true;
    } else if (field === 'event') eventName = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
  };

  const feed = (text: string): void => {
    let start = 0;
    if (skipLf) {
      skipLf = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    let nextLf = text.indexOf('\n', start);
    let nextCr = text.indexOf('\r', start);
    while (nextLf !== -1 || nextCr !== -1) {
      const end = nextCr === -1 || (nextLf !== -1 && nextLf < nextCr) ? nextLf : nextCr;
      const piece = text.slice(start, end);
      line(carry === '' ? piece : carry + piece);
      carry = '';
      start = end + 1;
      if (end === nextCr) {
        if (start === text.length) skipLf = true;
        else if (text.charCodeAt(start) === LF) start++;
      }
      if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start);
      if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
    }
    if (start < text.length) carry += text.slice(start);
  };

  return {
    push(chunk) {
      const text = decoder.decode(chunk, { stream: true });
      if (text.length > 0) feed(text);
    },
    end() {
      const rest = decoder.decode();
      if (rest.length > 0) feed(rest);
      if (carry !== '') line(carry);
      carry = '';
      dispatch();
    },
  };
}
