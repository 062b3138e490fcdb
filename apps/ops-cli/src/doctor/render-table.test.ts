import { describe, expect, it } from 'vitest';
import { row } from './check-row.ts';
import { doctorExitCode, renderTable } from './render-table.ts';

describe('renderTable', () => {
  it('prints a row per check, the fix under failures and warnings, and a summary', () => {
    const rows = [
      row('dns', 'pass', 'api.example resolves to 10.0.0.1'),
      row('tls', 'fail', 'certificate not trusted', 'Set the CA file.'),
      row('latency', 'warn', 'p95 near the budget', 'Raise the budget.'),
      row('rate-limit', 'skip', 'no headers', 'unused'),
    ];
    expect(renderTable(rows)).toMatchInlineSnapshot(`
      "STATUS  CHECK       DETAIL
      PASS    dns         api.example resolves to 10.0.0.1
      FAIL    tls         certificate not trusted
                          fix: Set the CA file.
      WARN    latency     p95 near the budget
                          fix: Raise the budget.
      SKIP    rate-limit  no headers

      1 passed, 1 failed, 1 warnings, 1 skipped"
    `);
  });

  it('exits 1 only when a row failed', () => {
    expect(doctorExitCode([row('dns', 'pass', ''), row('tls', 'warn', '')])).toBe(0);
    expect(doctorExitCode([row('dns', 'pass', ''), row('tls', 'fail', '')])).toBe(1);
  });
});
