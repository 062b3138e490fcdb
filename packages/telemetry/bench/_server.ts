import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { BENCH_KEY } from './_clients.ts';

/** The mock server child process of a bench run. */
export interface BenchServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Pins this process (every thread) to core 1 with `taskset`; false when there is no `taskset`. */
export function pinSelf(): boolean {
  try {
    execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Starts `_mock-server.ts` in a child process (on core 0 when `pinned`), answering after `latencyMs`. */
export async function startServer(latencyMs: number, pinned: boolean): Promise<BenchServer> {
  const script = fileURLToPath(new URL('./_mock-server.ts', import.meta.url));
  const command = [process.execPath, '--conditions=@acpt/source', script, `--latency=${latencyMs}`];
  const [file, ...args] = pinned ? ['taskset', '-c', '0', ...command] : command;
  const child = spawn(file as string, args, {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ACPT_BENCH_KEY: BENCH_KEY },
  });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const { url } = JSON.parse(line.toString('utf8').split('\n')[0] ?? '{}') as { url: string };
  return {
    url,
    async stop() {
      child.stdin.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
