/**
 * Telemetry bench (a script, not a test): raw undici `request()`, the adapter without telemetry, and the adapter with
 * `instrumentAdapter` on real SDK providers (always-on sampling, batch span processor, periodic metric reader) at
 * concurrency 64, in one process and one run, against the mock Cerebras server in a child process. Rounds alternate
 * the clients; medians are compared. Target: telemetry on ≥ 0.8× raw undici's throughput. Two server latencies: none
 * (the client's CPU is the limit, so every µs of telemetry shows) and 10 ms (still far below a real completion). With
 * `taskset` the server is pinned to core 0 and this process to core 1.
 *
 *   flock /work/main/.git/acpt-bench.lock node --conditions=@acpt/source --expose-gc bench/telemetry-bench.ts [--quick]
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { adapterClient, BENCH_KEY, type BenchClient, rawUndici } from './_clients.ts';

const concurrency = 64;
const scale = process.argv.includes('--quick') ? 0.25 : 1;
const rounds = 3;
const target = 0.8;
const scenarios = [
  { latencyMs: 0, requests: 6_000 },
  { latencyMs: 10, requests: 3_000 },
];

interface Run {
  readonly throughput: number;
  readonly cpuUs: number;
}

async function measure(client: BenchClient, count: number): Promise<Run> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next++ < count) await client.complete();
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { throughput: (count / wallMs) * 1000, cpuUs: (used.user + used.system) / count };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
}

function pinSelf(): boolean {
  try {
    execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function startServer(latencyMs: number, pinned: boolean): Promise<{ url: string; stop(): Promise<void> }> {
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

async function runScenario(latencyMs: number, requests: number, pinned: boolean): Promise<boolean> {
  const server = await startServer(latencyMs, pinned);
  const clients = [rawUndici(server.url), adapterClient(server.url, false), adapterClient(server.url, true)];
  const runs = new Map<string, Run[]>(clients.map((client) => [client.name, []]));
  try {
    // A full unmeasured round first: the JIT needs thousands of requests before the hot paths settle.
    for (const client of clients) await measure(client, requests);
    for (let round = 0; round < rounds; round++) {
      for (const client of round % 2 === 0 ? clients : [...clients].reverse()) {
        (globalThis as { gc?: () => void }).gc?.();
        runs.get(client.name)?.push(await measure(client, requests));
      }
    }
  } finally {
    for (const client of clients) await client.close();
    await server.stop();
  }
  const raw = median((runs.get('raw undici') ?? []).map((run) => run.throughput));
  let met = true;
  for (const client of clients) {
    const list = runs.get(client.name) ?? [];
    const throughput = median(list.map((run) => run.throughput));
    const ratio = throughput / raw;
    const verdict = client.spans() === 0 ? '' : ratio >= target ? 'ok' : 'MISS';
    if (verdict === 'MISS') met = false;
    const cpu = median(list.map((run) => run.cpuUs)).toFixed(0);
    const cells = [`${latencyMs} ms`, client.name, throughput.toFixed(0), ratio.toFixed(3), cpu, verdict];
    console.log(`| ${cells.join(' | ')} |`);
  }
  return met;
}

const pinned = pinSelf();
const placement = pinned ? 'server on core 0, client on core 1' : 'unpinned (no taskset)';
console.log(`Node ${process.versions.node}, c=${concurrency}, ${rounds} rounds, medians, ${placement}`);
console.log(`| server latency | client | req/s | × raw undici | CPU µs/req | ≥ ${target}× |`);
console.log('|---|---|---|---|---|---|');
const results: boolean[] = [];
for (const scenario of scenarios) {
  results.push(await runScenario(scenario.latencyMs, Math.round(scenario.requests * scale), pinned));
}
if (results.includes(false)) process.exitCode = 1;
