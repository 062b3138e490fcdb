/**
 * Splits text into pieces of `tokens` tokens (4 UTF-16 code units each, the family's token estimate), never between
 * the two halves of a surrogate pair. The pieces join to the text; empty text gives no piece.
 */
export function splitPieces(text: string, tokens: number): string[] {
  const size = Math.max(1, Math.floor(tokens)) * 4;
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end += 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/** The longest prefix of `text` whose token estimate is at most `tokens`, not ending inside a surrogate pair. */
export function truncateToTokens(text: string, tokens: number): string {
  let end = Math.min(text.length, Math.max(0, tokens) * 4);
  if (end > 0 && end < text.length && isLowSurrogate(text.charCodeAt(end))) end -= 1;
  return text.slice(0, end);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** `text` up to the first occurrence of any `stop` sequence (empty sequences never match). */
export function cutAtStop(text: string, stop: string | readonly string[] | undefined): string {
  if (stop === undefined) return text;
  let end = text.length;
  for (const sequence of typeof stop === 'string' ? [stop] : stop) {
    const at = sequence === '' ? -1 : text.indexOf(sequence);
    if (at >= 0 && at < end) end = at;
  }
  return text.slice(0, end);
}
