import { AcptConfigError } from '@acpt/config';
import { controlCommand } from '../commands/control-command.ts';
import { localCommand } from '../commands/local-command.ts';
import { reportCommand } from '../commands/report-command.ts';
import { statusCommand } from '../commands/status-command.ts';
import { submitCommand } from '../commands/submit-command.ts';
import { workerCommand } from '../commands/worker-command.ts';
import type { CliIo } from './cli-io.ts';
import { USAGE } from './usage.ts';
import { USAGE_EXIT_CODE, UsageError } from './usage-error.ts';

/**
 * Runs `sweep <command> …` and resolves with the exit code. Usage errors and invalid campaign files print their
 * message (every problem with its JSON path) without a stack and exit 2; other errors propagate (exit 1 in main).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // `pnpm run sweep -- local …` (what `./task sweep` runs) passes the `--` separator through: drop it.
  const [command, ...args] = argv[0] === '--' ? argv.slice(1) : argv;
  try {
    if (args.includes('--help')) {
      io.stdout.write(USAGE);
      return 0;
    }
    switch (command) {
      case 'local':
        return await localCommand(args, io);
      case 'submit':
        return await submitCommand(args, io);
      case 'worker':
        return await workerCommand(args, io);
      case 'status':
        return await statusCommand(args, io);
      case 'report':
        return await reportCommand(args, io);
      case 'cancel':
      case 'resume':
        return await controlCommand(command, args, io);
      case undefined:
      case '--help':
      case 'help':
        io.stdout.write(USAGE);
        return command === undefined ? USAGE_EXIT_CODE : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`sweep: ${error.message}\nRun "sweep --help" for usage.\n`);
      return USAGE_EXIT_CODE;
    }
    if (AcptConfigError.isInstance(error)) {
      io.stderr.write(`sweep: ${error.message}\n`);
      return USAGE_EXIT_CODE;
    }
    throw error;
  }
}
