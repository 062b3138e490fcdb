/** Edit distance between two strings (insertions, deletions and substitutions each cost 1). */
export function levenshtein(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row++) {
    const current = [row];
    for (let column = 1; column <= right.length; column++) {
      const substitution = (previous[column - 1] ?? 0) + (left[row - 1] === right[column - 1] ? 0 : 1);
      current.push(Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/**
 * The valid key closest to `key`, ignoring case, `_` and `-` first (so `max_retries` finds `maxRetries`), then by
 * edit distance. Ties go to the earlier candidate. `undefined` only when there is no candidate.
 */
export function nearestKey(key: string, candidates: readonly string[]): string | undefined {
  const fold = (text: string): string => text.toLowerCase().replace(/[_-]/g, '');
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = fold(candidate) === fold(key) ? 0 : levenshtein(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
