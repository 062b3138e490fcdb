import { describe, expect, it } from 'vitest';
import { accountingExitCode, checkAccounting, type SettlementCounts } from './accounting.ts';

const balanced: SettlementCounts = {
  submitted: 500,
  succeeded: 480,
  fellBack: 15,
  failed: 5,
  untypedErrors: 0,
  outstanding: 0,
};
const agreeing = { name: 'adapter diagnostics', submitted: 500, succeeded: 480, fellBack: 15, failed: 5 };

describe('checkAccounting', () => {
  it('passes and exits 0 when every request is accounted for and the witnesses agree', () => {
    const result = checkAccounting({ own: balanced, witnesses: [agreeing], unhandledRejections: 0 });
    expect(result.problems).toEqual([]);
    expect(accountingExitCode(result)).toBe(0);
    expect(result.line).toBe(
      'submitted 500 = succeeded 480 + fell back 15 + failed 5 (unaccounted 0, untyped errors 0, unhandled rejections 0) OK',
    );
  });

  it('fails and exits non-zero when a request is unaccounted for', () => {
    const own = { ...balanced, succeeded: 479, outstanding: 1 };
    const result = checkAccounting({ own, witnesses: [], unhandledRejections: 0 });
    expect(result.unaccounted).toBe(1);
    expect(result.problems).toEqual(['1 request(s) unaccounted for (1 still outstanding at the deadline)']);
    expect(accountingExitCode(result)).toBe(1);
    expect(result.line).toMatch(/unaccounted 1, .* FAILED$/);
  });

  it('fails and exits non-zero on an untyped error even though the sums balance', () => {
    const result = checkAccounting({ own: { ...balanced, untypedErrors: 1 }, witnesses: [], unhandledRejections: 0 });
    expect(result.unaccounted).toBe(0);
    expect(result.problems).toEqual(['1 request(s) failed with an error that is not an acpt typed error']);
    expect(accountingExitCode(result)).toBe(1);
  });

  it('fails on an unhandled rejection', () => {
    const result = checkAccounting({ own: balanced, witnesses: [], unhandledRejections: 2 });
    expect(result.problems).toEqual(['2 unhandled promise rejection(s)']);
    expect(accountingExitCode(result)).toBe(1);
  });

  it('fails when a witness counted differently, naming each differing field', () => {
    const witness = { ...agreeing, name: 'adapter events', succeeded: 481, failed: 4 };
    const result = checkAccounting({ own: balanced, witnesses: [witness], unhandledRejections: 0 });
    expect(result.problems).toEqual(['adapter events disagrees: succeeded 481 vs 480, failed 4 vs 5']);
    expect(accountingExitCode(result)).toBe(1);
  });

  it('compares only the counts a witness gives, the settled total included', () => {
    const partial = { name: 'telemetry', settled: 499, failed: 5 };
    const result = checkAccounting({ own: balanced, witnesses: [partial], unhandledRejections: 0 });
    expect(result.problems).toEqual(['telemetry disagrees: settled 499 vs 500']);
    const agreeingPartial = { name: 'telemetry', settled: 500, fellBack: 15 };
    expect(checkAccounting({ own: balanced, witnesses: [agreeingPartial], unhandledRejections: 0 }).ok).toBe(true);
  });
});
