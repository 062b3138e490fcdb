import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerProgramSettings } from './worker-program.ts';

const PROGRAM = fileURLToPath(new URL('./worker-program.ts', import.meta.url));

/** A worker process started by a test, with its JSON lines. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly lines: Record<string, unknown>[];
  /** Resolves with the first line matching `predicate` (also one already printed). */
  waitFor(predicate: (line: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL (a crash), then waits for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (graceful close), then waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `worker-program.ts` in its own Node process, resolving workspace packages to their sources. */
export function startWorkerProcess(settings: WorkerProgramSettings): WorkerProcess {
  const child = spawn(process.execPath, ['--conditions=@acpt/source', PROGRAM, JSON.stringify(settings)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: {
    predicate: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      const text = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (!waiter.predicate(line)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const halt = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    child,
    lines,
    exited,
    waitFor: (predicate, what) =>
      new Promise((resolve, reject) => {
        const found = lines.find(predicate);
        if (found !== undefined) return resolve(found);
        waiters.push({ predicate, resolve });
        void exited.then(({ code, signal }) =>
          reject(new Error(`worker ${child.pid} exited (${code ?? signal}) before ${what}: ${stderr}`)),
        );
      }),
    kill: () => halt('SIGKILL'),
    stop: () => halt('SIGTERM'),
  };
}
