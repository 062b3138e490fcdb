import { fileURLToPath } from 'node:url';
import type { CliIo } from '../cli/cli-io.ts';
import { runCli } from '../cli/run-cli.ts';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** Runs `sweep …` in this process with captured output; worker processes run `src/main.ts` from source. */
export async function runSweep(
  args: readonly string[],
  options: {
    readonly cwd?: string;
    readonly env?: Readonly<Record<string, string | undefined>>;
    readonly signal?: AbortSignal;
  } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { ...process.env, ...options.env },
    signal: options.signal ?? new AbortController().signal,
    cwd: options.cwd ?? process.cwd(),
    self: [process.execPath, '--conditions=@acpt/source', MAIN],
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
