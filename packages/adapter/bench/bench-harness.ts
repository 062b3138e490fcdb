import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { BENCH_KEY } from '../../transport-cerebras/bench/bench-protocol.ts';

/** The key the bench server accepts (the transport bench's, so its raw undici client can be reused). */
export { BENCH_KEY };

/** A bench server in a child process. */
export interface BenchServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `bench-server.ts` in a child process and waits for its URL. */
export async function startServer(latencyMs: number): Promise<BenchServer> {
  const script = fileURLToPath(new URL('./bench-server.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--conditions=@acpt/source', script, `--latency=${latencyMs}`], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ACPT_BENCH_KEY: BENCH_KEY },
  });
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

/** One measured run. */
export interface Run {
  readonly throughput: number;
  readonly cpuPerRequestUs: number;
  /**
   * Median time from calling the task to its settling, in ms (for a whole reply, the time to its first token); or
   * the median of the numbers the task resolved with, when it resolves with numbers (a stream's time to first token).
   */
  readonly latencyMs: number;
}

/**
 * Runs `requests` tasks with `concurrency` workers; wall-clock throughput, this process's CPU per request (the server
 * runs in another process) and the median latency (see {@link Run.latencyMs}).
 */
export async function runConcurrent(concurrency: number, requests: number, task: () => Promise<unknown>): Promise<Run> {
  const latencies = new Float64Array(requests);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests) {
      const index = next++;
      const start = performance.now();
      const sample = await task();
      latencies[index] = typeof sample === 'number' ? sample : performance.now() - start;
    }
  };
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    throughput: (requests / wallMs) * 1000,
    cpuPerRequestUs: (cpu.user + cpu.system) / requests,
    latencyMs: median([...latencies]),
  };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** A bench client running in its own process (`bench-worker.ts`). */
export interface BenchWorker {
  /** Runs `requests` requests at `concurrency` against `url` in the worker; resolves with its measurement. */
  run(options: { url: string; concurrency: number; requests: number; stream: boolean }): Promise<{
    readonly name: string;
    readonly run: Run;
    readonly events: number;
  }>;
  close(): Promise<void>;
}

/** Starts `bench-worker.ts` for the client `kind` (`raw`, `transport`, `adapter`, …) with its own heap and CPU clock. */
export function startWorker(kind: string): BenchWorker {
  const script = fileURLToPath(new URL('./bench-worker.ts', import.meta.url));
  // ACPT_BENCH_PROFILE=<dir>: each worker writes a CPU profile (`node --cpu-prof`) into <dir>/<kind>.
  const profile = process.env.ACPT_BENCH_PROFILE;
  const flags = profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}/${kind}`];
  const child = spawn(process.execPath, ['--conditions=@acpt/source', '--expose-gc', ...flags, script, kind], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  type Reply = { id: number; name: string; run: Run; events: number };
  let waiter: { resolve(reply: Reply): void; reject(error: Error): void } | undefined;
  child.on('message', (reply: Reply) => waiter?.resolve(reply));
  child.on('exit', (code) => waiter?.reject(new Error(`bench worker ${kind} exited with ${code}`)));
  let next = 0;
  return {
    async run(options) {
      const id = ++next;
      const reply = new Promise<Reply>((resolve, reject) => {
        waiter = { resolve, reject };
      });
      child.send({ type: 'run', id, ...options });
      const answer = await reply;
      waiter = undefined;
      if (answer.id !== id) throw new Error(`worker ${kind} answered ${answer.id} to ${id}`);
      return answer;
    },
    async close() {
      if (child.exitCode !== null) return;
      child.send({ type: 'close' });
      await once(child, 'exit');
    },
  };
}
