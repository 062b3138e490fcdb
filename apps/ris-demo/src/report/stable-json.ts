/** Significant digits kept for every number written to the run's outputs. */
export const OUTPUT_SIGNIFICANT_DIGITS = 6;

/**
 * Serialises a value for the run's outputs: numbers rounded to {@link OUTPUT_SIGNIFICANT_DIGITS} significant digits
 * (integers stay exact), non-finite numbers written as `null` (valid JSON, unlike bare `NaN`), `-0` as `0`. Key order
 * is the insertion order of the objects, which the record builders fix, so equal runs give equal bytes.
 */
export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(value, roundNumbers, indent);
}

function roundNumbers(_key: string, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  if (!Number.isFinite(value)) return null;
  if (Number.isInteger(value)) return value === 0 ? 0 : value;
  const rounded = Number(value.toPrecision(OUTPUT_SIGNIFICANT_DIGITS));
  return rounded === 0 ? 0 : rounded;
}
