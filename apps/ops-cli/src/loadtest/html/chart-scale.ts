/** Ticks of a linear axis from 0: a round step (1, 2 or 5 × 10ⁿ) and the axis maximum, a multiple of it. */
export function linearTicks(maxValue: number, targetTicks = 5): { readonly max: number; readonly ticks: number[] } {
  if (!(maxValue > 0)) return { max: 1, ticks: [0, 1] };
  const raw = maxValue / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((factor) => factor * magnitude >= raw) ?? 10) * magnitude;
  const count = Math.ceil(maxValue / step - 1e-9);
  return { max: count * step, ticks: Array.from({ length: count + 1 }, (_, index) => index * step) };
}

/** Decades of a log axis covering every positive value, with the lowest strictly below the smallest value. */
export function logDecades(values: readonly number[]): { readonly low: number; readonly high: number } {
  const positive = values.filter((value) => value > 0);
  if (positive.length === 0) return { low: 0, high: 1 };
  const low = Math.floor(Math.log10(Math.min(...positive)) - 1e-9);
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...positive))));
  return { low, high };
}

/** A tick label without float noise: `0.5`, `20`, `1,000`. */
export function formatTick(value: number): string {
  return Number(value.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** A coordinate with one decimal, so the same report always gives the same markup. */
export function coordinate(value: number): string {
  return value.toFixed(1);
}
