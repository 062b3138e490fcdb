/** Formats a value with an SI prefix and unit: `123 Mbit/s`, `4.56 kbit/J`. Three significant digits. */
export function formatSi(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  const prefixes: readonly [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  const magnitude = Math.abs(value);
  for (const [scale, prefix] of prefixes) {
    if (magnitude >= scale) return `${Number((value / scale).toPrecision(3))} ${prefix}${unit}`;
  }
  return `${Number(value.toPrecision(3))} ${unit}`;
}

/** Formats a fixed number of decimals, or `n/a` for null and non-finite values. */
export function formatFixed(value: number | null, decimals: number): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(decimals);
}
