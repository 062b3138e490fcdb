import { execFile } from 'node:child_process';
import { delimiter, dirname } from 'node:path';

/** What a finished command printed. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  /** Working directory. */
  readonly cwd: string;
  /** Kills the command after this long. @defaultValue 60000 */
  readonly timeoutMs?: number;
  /** Variables set (or, with `''`, cleared) on top of {@link childEnvironment}. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A command that exited non-zero or timed out, with everything it printed (the message carries stderr). */
export class CommandError extends Error {
  /** What the command printed on stdout. */
  readonly stdout: string;
  /** What the command printed on stderr. */
  readonly stderr: string;

  constructor(message: string, output: CommandOutput) {
    super(message);
    this.name = 'CommandError';
    this.stdout = output.stdout;
    this.stderr = output.stderr;
  }
}

/**
 * The environment of every child process of these checks: the test's own Node (the toolchain's Node 24) first on
 * `PATH`, so `pnpm`, `tsc` and bin shims run on it, and nothing of the surrounding `pnpm run` (`npm_*`, `pnpm_*`
 * settings) or `NODE_OPTIONS` (which could carry `--conditions=@acpt/source`) leaks into a consumer project.
 */
export function childEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_)/i.test(name) || name === 'NODE_OPTIONS' || name === 'INIT_CWD') continue;
    environment[name] = value;
  }
  environment['PATH'] = [dirname(process.execPath), process.env['PATH'] ?? ''].join(delimiter);
  return environment;
}

/**
 * Runs a command without a shell in {@link childEnvironment}; rejects with a {@link CommandError} whose message names
 * the command, the folder, the exit code and the command's stderr (and the end of its stdout).
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions,
): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: { ...childEnvironment(), ...options.env },
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ stdout, stderr });
          return;
        }
        const exit = error.killed ? `killed (${error.signal ?? 'timeout'})` : `exit code ${String(error.code)}`;
        const message = [
          `\`${[command, ...args].join(' ')}\` failed in ${options.cwd}: ${exit}`,
          `--- stderr ---\n${stderr.trim() || '(empty)'}`,
          `--- stdout (last 4000 characters) ---\n${stdout.slice(-4000).trim() || '(empty)'}`,
        ].join('\n');
        reject(new CommandError(message, { stdout, stderr }));
      },
    );
  });
}
