import { AcptConfigError } from '@acpt/config';
import { parseLoadtestOptions } from '../loadtest/loadtest-options.ts';
import { renderReportMarkdown } from '../loadtest/render-report-markdown.ts';
import { runLoadtest } from '../loadtest/run-loadtest.ts';
import { writeLoadtestReport } from '../loadtest/write-report.ts';
import type { CliIo } from './cli-io.ts';
import { LOADTEST_USAGE } from './usage.ts';
import { USAGE_EXIT_CODE } from './usage-error.ts';

/** Default report directory, relative to the working directory. */
export const DEFAULT_REPORT_DIR = 'out/loadtest';

/**
 * `acpt loadtest`: runs the load test, prints the markdown report, writes it with the JSON and HTML ones, and returns
 * the exit code (0 when the accounting holds, 1 when it does not, 2 for a bad configuration).
 *
 * @throws {UsageError} for a bad flag
 */
export async function loadtestCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseLoadtestOptions(args);
  if (options.help) {
    io.stdout.write(LOADTEST_USAGE);
    return 0;
  }
  let report: Awaited<ReturnType<typeof runLoadtest>>;
  try {
    report = await runLoadtest(options, { progress: io.stderr, stopSignal: io.interrupt, env: io.env });
  } catch (error) {
    if (!AcptConfigError.isInstance(error)) throw error;
    io.stderr.write(`acpt loadtest: ${error.message}\n`);
    return USAGE_EXIT_CODE;
  }
  io.stdout.write(`${renderReportMarkdown(report)}\n`);
  const paths = await writeLoadtestReport(report, options.outDir ?? DEFAULT_REPORT_DIR);
  io.stderr.write(`report written to ${paths.markdown}, ${paths.html} and ${paths.json}\n`);
  for (const problem of report.accounting.problems) io.stderr.write(`acpt loadtest: ${problem}\n`);
  return report.exitCode;
}
