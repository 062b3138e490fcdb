/** Result of one doctor check. `skip` means it could not run or does not apply (the detail says which). */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** The doctor's checks, in the order they run and print. */
export type CheckId =
  | 'config'
  | 'key-source'
  | 'key-rotation'
  | 'proxy'
  | 'dns'
  | 'tcp'
  | 'tls'
  | 'authentication'
  | 'model'
  | 'latency'
  | 'rate-limit'
  | 'pricing'
  | 'spend'
  | 'telemetry';

/** One row of the doctor's table. Never carries the API key. */
export interface CheckRow {
  /** Stable id, for `--json` consumers and tests. */
  readonly id: CheckId;
  /** Outcome. */
  readonly status: CheckStatus;
  /** What was found, in one line. */
  readonly detail: string;
  /** How to fix it: set for `fail` and `warn`. */
  readonly fix?: string;
}

/** Builds a row; a convenience that keeps call sites short. */
export function row(id: CheckId, status: CheckStatus, detail: string, fix?: string): CheckRow {
  return fix === undefined ? { id, status, detail } : { id, status, detail, fix };
}

/** The message of any thrown value, one line. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim();
}

/** The `code` of a Node or undici error (`ECONNREFUSED`, `ENOTFOUND`, …), searching its causes too. */
export function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('ACPT_')) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
