import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { APP_DIRECTORY } from './run-demo-process.ts';

/** A demo process started in the background, to be signalled while it runs. */
export interface SpawnedDemo {
  readonly child: ChildProcess;
  /** Resolves with the exit code (128 + n for a signal the process did not handle) and the output. */
  readonly exited: Promise<{ code: number; stdout: string; stderr: string }>;
}

/** Starts `node --conditions=@acpt/source src/main.ts …` in the app folder without `CEREBRAS_*`/`ACPT_*`/`OTEL_*`. */
export function spawnDemo(args: readonly string[]): SpawnedDemo {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(CEREBRAS_|ACPT_|OTEL_|INIT_CWD$)/.test(name)),
  );
  const child = spawn(process.execPath, ['--conditions=@acpt/source', 'src/main.ts', ...args], {
    cwd: APP_DIRECTORY,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code: code ?? (signal === 'SIGKILL' ? 137 : 1), stdout, stderr }));
  });
  return { child, exited };
}

/** Polls (every 50 ms, for at most `limitMs`) until `ready()` holds; false when it never did. */
export async function waitFor(ready: () => boolean, limitMs = 60_000): Promise<boolean> {
  for (let waited = 0; waited < limitMs; waited += 50) {
    if (ready()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return ready();
}

/** Lines of a hidden partial file in `folder` whose name contains `name`, 0 when there is none. */
export function partialLines(folder: string, name: string): number {
  if (!existsSync(folder)) return 0;
  const partial = readdirSync(folder).find((file) => file.startsWith(`.${name}`) && file.endsWith('.partial'));
  if (partial === undefined) return 0;
  return readFileSync(`${folder}/${partial}`, 'utf8').split('\n').length - 1;
}
