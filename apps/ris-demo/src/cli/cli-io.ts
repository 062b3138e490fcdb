import type { ProgressStream } from '../report/progress-bar.ts';

/** Where the CLI reads and writes. */
export interface CliIo {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
  readonly env: NodeJS.ProcessEnv;
  /** Folder relative paths resolve against (pnpm's `INIT_CWD`: where the user ran the command). */
  readonly cwd: string;
  /** Aborted on SIGINT/SIGTERM (its reason is the signal's name): the run stops and writes what it finished. */
  readonly signal?: AbortSignal;
}

/** Exit code of a run stopped by a signal: 128 + the signal number (SIGINT 2, SIGTERM 15). */
export function interruptedExitCode(signal: AbortSignal | undefined): number {
  return signal?.reason === 'SIGTERM' ? 143 : 130;
}
