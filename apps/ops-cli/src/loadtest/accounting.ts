/** How the load driver itself saw every request it submitted. */
export interface SettlementCounts {
  /** Requests handed to the adapter. */
  readonly submitted: number;
  /** Resolved with an answer from the live transport. */
  readonly succeeded: number;
  /** Resolved with an answer from the fallback. */
  readonly fellBack: number;
  /** Rejected (typed acpt errors, aborts and untyped errors alike). */
  readonly failed: number;
  /** Of `failed`: rejections that were neither an acpt typed error nor an abort. */
  readonly untypedErrors: number;
  /** Still unsettled when the driver stopped waiting. */
  readonly outstanding: number;
}

/**
 * The same outcome counts from another witness (the adapter's diagnostics, its events, telemetry). A witness gives
 * the counts it can see; only those are compared.
 */
export interface WitnessCounts {
  /** Name shown in problems, e.g. `adapter diagnostics`. */
  readonly name: string;
  readonly submitted?: number;
  /** Succeeded + fell back + failed. */
  readonly settled?: number;
  readonly succeeded?: number;
  readonly fellBack?: number;
  readonly failed?: number;
}

/** What the accounting check is given. */
export interface AccountingInput {
  /** The driver's own counts. */
  readonly own: SettlementCounts;
  /** Independent witnesses to cross-check against. */
  readonly witnesses: readonly WitnessCounts[];
  /** `unhandledRejection` events seen by the process during the run. */
  readonly unhandledRejections: number;
}

/** The verdict. */
export interface AccountingResult {
  /** True when every request is accounted for, every error typed, and every witness agrees. */
  readonly ok: boolean;
  /** Submitted minus everything that settled. */
  readonly unaccounted: number;
  /** One line for the report: `submitted N = succeeded A + fell back B + failed C (…)`. */
  readonly line: string;
  /** Every broken rule, in words. */
  readonly problems: readonly string[];
}

const outcomeFields = ['submitted', 'settled', 'succeeded', 'fellBack', 'failed'] as const;

/**
 * Checks that submitted = succeeded + fell back + failed, that nothing is outstanding, that no error was untyped,
 * that no promise rejection went unhandled, and that every witness counted the same outcomes.
 */
export function checkAccounting(input: AccountingInput): AccountingResult {
  const { own } = input;
  const settled = own.succeeded + own.fellBack + own.failed;
  const unaccounted = own.submitted - settled;
  const problems: string[] = [];
  if (unaccounted !== 0) {
    problems.push(`${unaccounted} request(s) unaccounted for (${own.outstanding} still outstanding at the deadline)`);
  }
  if (own.untypedErrors > 0) {
    problems.push(`${own.untypedErrors} request(s) failed with an error that is not an acpt typed error`);
  }
  if (input.unhandledRejections > 0) problems.push(`${input.unhandledRejections} unhandled promise rejection(s)`);
  const ownCounts = { ...own, settled };
  for (const witness of input.witnesses) {
    const differences = outcomeFields
      .filter((field) => witness[field] !== undefined && witness[field] !== ownCounts[field])
      .map((field) => `${field} ${witness[field]} vs ${ownCounts[field]}`);
    if (differences.length > 0) problems.push(`${witness.name} disagrees: ${differences.join(', ')}`);
  }
  const ok = problems.length === 0;
  const line =
    `submitted ${own.submitted} = succeeded ${own.succeeded} + fell back ${own.fellBack} + failed ${own.failed}` +
    ` (unaccounted ${unaccounted}, untyped errors ${own.untypedErrors}, unhandled rejections ${input.unhandledRejections})` +
    ` ${ok ? 'OK' : 'FAILED'}`;
  return { ok, unaccounted, line, problems };
}

/** Exit code of a load test: 0 when the accounting holds, 1 otherwise. */
export function accountingExitCode(result: AccountingResult): number {
  return result.ok ? 0 : 1;
}
