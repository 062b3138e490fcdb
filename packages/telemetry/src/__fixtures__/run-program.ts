import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROGRAM = fileURLToPath(new URL('./telemetry-program.ts', import.meta.url));

/** A running {@link PROGRAM}: its JSON lines, its exit, and a way to release a `TEST_HOLD` wait. */
export interface ProgramRun {
  readonly child: ChildProcess;
  /** Every JSON line printed so far. */
  readonly lines: Record<string, unknown>[];
  /** Resolves with the first line whose `event` is `name`. */
  waitFor(name: string): Promise<Record<string, unknown>>;
  /** Resolves with the exit code and signal, and what went to stderr. */
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/**
 * Starts the telemetry test program with `env` on top of a clean environment (no inherited `OTEL_*`), resolving
 * workspace packages to their sources as the tests do.
 */
export function runProgram(env: Record<string, string>): ProgramRun {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('OTEL_')));
  const child = spawn(process.execPath, ['--conditions=@acpt/source', PROGRAM], {
    env: { ...inherited, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: { name: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      const text = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      for (const waiter of waiters.filter((entry) => entry.name === line['event'])) waiter.resolve(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
  return {
    child,
    lines,
    exit,
    waitFor: (name) =>
      new Promise((resolve, reject) => {
        const found = lines.find((line) => line['event'] === name);
        if (found !== undefined) return resolve(found);
        waiters.push({ name, resolve });
        void exit.then(({ code, stderr: output }) =>
          reject(new Error(`program exited (${code}) before "${name}": ${output}`)),
        );
      }),
  };
}
