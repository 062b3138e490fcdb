/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; null and undefined are empty. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? formatCsvNumber(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, with its line break. */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** Numbers as in the JSON outputs: six significant digits, integers exact, non-finite values empty. */
function formatCsvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value === 0 ? 0 : value);
  const rounded = Number(value.toPrecision(6));
  return String(rounded === 0 ? 0 : rounded);
}
