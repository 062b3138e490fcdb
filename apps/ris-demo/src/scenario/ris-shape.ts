/** RIS panel shapes for a requested element count. */

/**
 * A near-square panel with exactly `elements` elements: the largest divisor of N not above √N as rows. A count that
 * is not a positive integer gives one row of that many columns, which the scenario validation then refuses.
 * @example risShape(1024) // { rows: 32, columns: 32 }; risShape(96) // { rows: 8, columns: 12 }
 */
export function risShape(elements: number): { rows: number; columns: number } {
  if (!(Number.isSafeInteger(elements) && elements >= 1)) return { rows: 1, columns: elements };
  let rows = Math.floor(Math.sqrt(elements));
  while (elements % rows !== 0) rows -= 1;
  return { rows, columns: elements / rows };
}
