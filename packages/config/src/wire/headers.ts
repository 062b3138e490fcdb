/** Response headers as a plain lower-cased record, whatever shape the HTTP client gave them in. */
export type HeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Reads one header (case-insensitive keys are expected lower-case), joining repeated values with `, `. */
export function readHeader(headers: HeaderRecord, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.join(', ');
}

const sensitiveHeader = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$/i;

/** Copies headers into a plain record, dropping any that can carry credentials. Safe to put on errors and events. */
export function redactHeaders(headers: HeaderRecord): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || sensitiveHeader.test(name)) continue;
    safe[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  return safe;
}
