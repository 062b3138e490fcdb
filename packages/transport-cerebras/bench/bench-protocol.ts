import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The key the bench server accepts. */
export const BENCH_KEY = 'csk-bench-key';
/** The prompt that asks the bench server for a 200-token reply. */
export const STREAM_PROMPT = 'stream 200 tokens';
/** The model every bench request names. */
export const BENCH_MODEL = 'gpt-oss-120b';

/** A bench server running in a child process. */
export interface BenchServer {
  /** Base URL (no `/v1`). */
  readonly url: string;
  /** Stops the child process. */
  stop(): Promise<void>;
}

/**
 * Starts `bench-server.ts` in a child process (its CPU is not the client's) and waits for its URL.
 *
 * @param paced - pace streams at 1000 tokens/s, one event per read
 */
export async function startBenchServer(paced: boolean): Promise<BenchServer> {
  const script = fileURLToPath(new URL('./bench-server.ts', import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@acpt/source', script, ...(paced ? ['--paced'] : [])],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const [line] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  const { url } = JSON.parse(line.toString('utf8').trim().split('\n')[0] ?? '{}') as { url: string };
  return {
    url,
    async stop() {
      child.stdin?.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
