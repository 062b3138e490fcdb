/** Cuts `whole` at the given positions (taken modulo its length + 1, duplicates ignored) into consecutive pieces. */
export function splitAt<T extends string | Uint8Array>(whole: T, cuts: readonly number[]): T[] {
  const positions = [...new Set(cuts.map((cut) => cut % (whole.length + 1)))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let start = 0;
  for (const position of positions) {
    pieces.push(whole.slice(start, position) as T);
    start = position;
  }
  pieces.push(whole.slice(start) as T);
  return pieces;
}
