import { parseDoctorOptions } from '../doctor/doctor-options.ts';
import { doctorExitCode, renderTable } from '../doctor/render-table.ts';
import { runDoctor } from '../doctor/run-doctor.ts';
import type { CliIo } from './cli-io.ts';
import { DOCTOR_USAGE } from './usage.ts';

/**
 * `acpt doctor`: runs every check and prints the table (or JSON); returns 1 when a row failed, else 0.
 *
 * @throws {UsageError} for a bad flag
 */
export async function doctorCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseDoctorOptions(args);
  if (options.help) {
    io.stdout.write(DOCTOR_USAGE);
    return 0;
  }
  const rows = await runDoctor({ ...options, env: io.env });
  io.stdout.write(
    options.json ? `${JSON.stringify({ rows, exitCode: doctorExitCode(rows) }, null, 2)}\n` : `${renderTable(rows)}\n`,
  );
  return doctorExitCode(rows);
}
