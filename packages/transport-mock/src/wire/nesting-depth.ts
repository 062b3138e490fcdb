/** Deepest nesting of objects and arrays a request body may have (JSON schemas in it included). */
export const MAX_BODY_NESTING = 128;

/**
 * True when `value` nests objects and arrays deeper than `limit`. Iterative, so a hostile body cannot exhaust the
 * stack here, and everything after this check (schema checks, canonical keys, generation) recurses safely.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, depth] = entry;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}
