import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The app folder (where `src/main.ts` lives). */
export const APP_DIRECTORY: string = fileURLToPath(new URL('..', import.meta.url));

/** What a demo process printed and how it ended. */
export interface DemoProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the demo's CLI in its own Node process (`node --conditions=@acpt/source src/main.ts …`), asynchronously so a
 * server in the test process keeps serving. The environment is cleaned of `CEREBRAS_*`, `ACPT_*` and `OTEL_*`
 * variables, then `env` is added.
 */
export function runDemoProcess(args: readonly string[], env: Record<string, string> = {}): Promise<DemoProcessResult> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(CEREBRAS_|ACPT_|OTEL_|INIT_CWD$)/.test(name)),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@acpt/source', 'src/main.ts', ...args],
      { cwd: APP_DIRECTORY, env: { ...clean, ...env }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
