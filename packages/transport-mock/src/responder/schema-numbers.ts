import type { RandomSource } from '../random/seeded-random.ts';

/**
 * A number (or integer) within the schema's `minimum`/`maximum`, `exclusiveMinimum`/`exclusiveMaximum` (numbers as in
 * draft 2020-12, or booleans as in draft 4) and `multipleOf`. Numbers are rounded to two decimals when that stays in
 * range. An empty range gives the lower bound.
 */
export function numberInRange(
  schema: Readonly<Record<string, unknown>>,
  random: RandomSource,
  integer: boolean,
): number {
  const { low, high, lowOpen, highOpen } = bounds(schema);
  const multipleOf = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  const step = multipleOf ?? (integer ? 1 : undefined);
  if (step !== undefined) {
    const unit = integer && multipleOf !== undefined && !Number.isInteger(multipleOf) ? 1 : step;
    let first = Math.ceil(low / unit);
    let last = Math.floor(high / unit);
    if (lowOpen && first * unit <= low) first += 1;
    if (highOpen && last * unit >= high) last -= 1;
    if (last < first) return first * unit;
    const value = (first + Math.floor(random() * (last - first + 1))) * unit;
    return Number.isInteger(unit) ? value : Number(value.toPrecision(12));
  }
  const raw = low + random() * (high - low);
  const rounded = Math.round(raw * 100) / 100;
  const inside = (value: number): boolean =>
    (lowOpen ? value > low : value >= low) && (highOpen ? value < high : value <= high);
  if (inside(rounded)) return rounded;
  if (inside(raw)) return raw;
  return (low + high) / 2;
}

function bounds(schema: Readonly<Record<string, unknown>>): {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
} {
  let low = typeof schema.minimum === 'number' ? schema.minimum : Number.NaN;
  let high = typeof schema.maximum === 'number' ? schema.maximum : Number.NaN;
  let lowOpen = schema.exclusiveMinimum === true;
  let highOpen = schema.exclusiveMaximum === true;
  if (typeof schema.exclusiveMinimum === 'number' && !(schema.exclusiveMinimum < low)) {
    low = schema.exclusiveMinimum;
    lowOpen = true;
  }
  if (typeof schema.exclusiveMaximum === 'number' && !(schema.exclusiveMaximum > high)) {
    high = schema.exclusiveMaximum;
    highOpen = true;
  }
  if (Number.isNaN(low)) low = Number.isNaN(high) ? 0 : Math.min(0, high - 100);
  if (Number.isNaN(high)) high = low + 100;
  return { low, high, lowOpen, highOpen };
}
