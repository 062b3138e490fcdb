import type { CheckRow, CheckStatus } from './check-row.ts';

const labels: Readonly<Record<CheckStatus, string>> = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skip: 'SKIP' };

/**
 * Renders the doctor's rows as a plain-text table (status, check, detail), with each failure's and warning's fix
 * on an indented line below it, and a summary line.
 */
export function renderTable(rows: readonly CheckRow[]): string {
  const idWidth = Math.max(5, ...rows.map((entry) => entry.id.length));
  const lines = [`STATUS  ${'CHECK'.padEnd(idWidth)}  DETAIL`];
  for (const entry of rows) {
    lines.push(`${labels[entry.status].padEnd(6)}  ${entry.id.padEnd(idWidth)}  ${entry.detail}`);
    if (entry.fix !== undefined && (entry.status === 'fail' || entry.status === 'warn')) {
      lines.push(`${' '.repeat(8 + idWidth + 2)}fix: ${entry.fix}`);
    }
  }
  const count = (status: CheckStatus): number => rows.filter((entry) => entry.status === status).length;
  lines.push(
    '',
    `${count('pass')} passed, ${count('fail')} failed, ${count('warn')} warnings, ${count('skip')} skipped`,
  );
  return lines.join('\n');
}

/** Exit code of the doctor: 1 when any row failed, else 0 (warnings do not fail). */
export function doctorExitCode(rows: readonly CheckRow[]): number {
  return rows.some((entry) => entry.status === 'fail') ? 1 : 0;
}
