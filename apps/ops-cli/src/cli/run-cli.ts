import type { CliIo } from './cli-io.ts';
import { doctorCommand } from './doctor-command.ts';
import { loadtestCommand } from './loadtest-command.ts';
import { MAIN_USAGE } from './usage.ts';
import { USAGE_EXIT_CODE, UsageError } from './usage-error.ts';

/**
 * Runs `acpt <command> [flags]` (a `--` right after the command is ignored) and resolves with the exit code: a usage error prints its message and the hint to
 * use `--help`, and exits 2. Other errors propagate (a bug: `main.ts` prints them and exits 1).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  // `pnpm run doctor -- --json` (what `./task doctor --json` runs) passes the `--` separator through: drop it.
  const args = rest[0] === '--' ? rest.slice(1) : rest;
  try {
    switch (command) {
      case 'loadtest':
        return await loadtestCommand(args, io);
      case 'doctor':
        return await doctorCommand(args, io);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(MAIN_USAGE);
        return command === undefined ? USAGE_EXIT_CODE : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(
      `acpt: ${error.message}\nRun "acpt ${command === 'loadtest' || command === 'doctor' ? `${command} ` : ''}--help" for usage.\n`,
    );
    return USAGE_EXIT_CODE;
  }
}
