/**
 * Adapter bench (a script, not a test): raw undici `request()`, the Cerebras transport alone, and
 * `CerebrasLLMAdapter` over that transport (library defaults except `connection.connections`, a listener on every
 * adapter event), in one run against the mock Cerebras server in a child process. Each client runs in its own
 * process (`bench-worker.ts`: own heap, JIT and CPU clock, as in an application), so one client's garbage never
 * taxes another's collections; rounds alternate the clients (forwards, then backwards) and medians of the rounds are
 * compared with raw undici's of the same run.
 *
 *   flock /work/bench.lock node --conditions=@acpt/source bench/adapter-bench.ts
 *
 * Rows: whole replies at 0 ms server latency with c=1 (sequential callers), c=16 and c=64; streamed replies at c=1
 * and c=16 (time to first token); whole replies at 100 ms latency with 32 in flight (the ceiling is 320 req/s).
 * Columns: throughput, its ratio to raw undici, client CPU per request (the client's process only, `process.cpuUsage()`) and
 * its ratio, the median time to first token (for a whole reply: to the reply) and what the client adds to raw undici's.
 * Targets (issue #18): ≥ 1.0× raw throughput and ≤ 1.0× raw CPU at c=1/16/64, < 0.5 ms added time to first token;
 * ≥ 0.99× at 100 ms. `--quick` runs a fifth of the requests; `--cost` adds the cost-accounting variants; `--only=<scenario name>` runs
 * one row group; `ACPT_BENCH_PROFILE=<dir>` writes each client's CPU profile there.
 */
import { type BenchWorker, median, type Run, startServer, startWorker } from './bench-harness.ts';

interface Scenario {
  readonly name: string;
  readonly latencyMs: number;
  readonly concurrency: number;
  readonly stream: boolean;
  readonly requests: number;
  /** Untimed requests per client first: the JIT needs several thousand to settle. */
  readonly warmup: number;
  readonly rounds: number;
  /** Least throughput ratio to raw undici; CPU must stay at or below raw's when `cpu` is set. */
  readonly target: number;
  readonly cpu: boolean;
}

const scale = process.argv.includes('--quick') ? 0.2 : 1;
const withCost = process.argv.includes('--cost');
const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length);
const whole = { latencyMs: 0, stream: false, target: 1, cpu: true } as const;
const scenarios: Scenario[] = [
  { ...whole, name: 'c=64', concurrency: 64, requests: 15_000, warmup: 20_000, rounds: 7 },
  { ...whole, name: 'c=16', concurrency: 16, requests: 10_000, warmup: 5_000, rounds: 7 },
  { ...whole, name: 'c=1 (sequential)', concurrency: 1, requests: 4_000, warmup: 2_000, rounds: 7 },
  { ...whole, name: 'stream, c=1', concurrency: 1, stream: true, requests: 1_000, warmup: 500, rounds: 3, cpu: false },
  {
    ...whole,
    name: 'stream, c=16',
    concurrency: 16,
    stream: true,
    requests: 3_000,
    warmup: 1_000,
    rounds: 3,
    cpu: false,
  },
  {
    name: '100 ms latency, 32 in flight',
    latencyMs: 100,
    concurrency: 32,
    stream: false,
    requests: 960,
    warmup: 320,
    rounds: 3,
    target: 0.99,
    cpu: false,
  },
];

interface Summary {
  readonly throughput: number;
  readonly cpu: number;
  readonly latencyMs: number;
}

function summarise(runs: readonly Run[]): Summary {
  return {
    throughput: median(runs.map((run) => run.throughput)),
    cpu: median(runs.map((run) => run.cpuPerRequestUs)),
    latencyMs: median(runs.map((run) => run.latencyMs)),
  };
}

interface Measured {
  readonly name: string;
  readonly summary: Summary;
  readonly events: number;
}

async function measureScenario(scenario: Scenario, url: string): Promise<Measured[]> {
  const requests = Math.max(scenario.concurrency * 4, Math.round(scenario.requests * scale));
  const warmup = Math.max(scenario.concurrency * 4, Math.round(scenario.warmup * scale));
  const options = { url, concurrency: scenario.concurrency, stream: scenario.stream };
  for (const worker of workers) await worker.run({ ...options, requests: warmup });
  const runs = new Map<BenchWorker, { name: string; runs: Run[]; events: number }>();
  for (let round = 0; round < scenario.rounds; round++) {
    for (const worker of round % 2 === 0 ? workers : [...workers].reverse()) {
      const reply = await worker.run({ ...options, requests });
      const entry = runs.get(worker) ?? { name: reply.name, runs: [], events: 0 };
      entry.runs.push(reply.run);
      entry.events = reply.events;
      runs.set(worker, entry);
    }
  }
  return workers.map((worker) => {
    const entry = runs.get(worker) as { name: string; runs: Run[]; events: number };
    return { name: entry.name, summary: summarise(entry.runs), events: entry.events };
  });
}

function verdict(scenario: Scenario, ratio: number, cpuRatio: number, addedMs: number): string {
  const misses: string[] = [];
  if (ratio < scenario.target) misses.push(`< ${scenario.target}×`);
  if (scenario.cpu && cpuRatio > 1) misses.push('CPU > 1.0×');
  if (scenario.latencyMs === 0 && addedMs >= 0.5) misses.push('TTFT +≥ 0.5 ms');
  return misses.length === 0 ? 'ok' : `MISS (${misses.join(', ')})`;
}

async function runScenario(scenario: Scenario): Promise<string[][]> {
  const server = await startServer(scenario.latencyMs);
  let results: Measured[];
  try {
    results = await measureScenario(scenario, server.url);
  } finally {
    await server.stop();
  }
  const raw = (results[0] as Measured).summary;
  return results.map((result, index) => {
    const own = result.summary;
    const ratio = own.throughput / raw.throughput;
    const cpuRatio = own.cpu / raw.cpu;
    const addedMs = own.latencyMs - raw.latencyMs;
    return [
      scenario.name,
      result.name,
      own.throughput.toFixed(0),
      ratio.toFixed(2),
      own.cpu.toFixed(1),
      cpuRatio.toFixed(2),
      own.latencyMs.toFixed(2),
      index === 0 ? '' : `${addedMs >= 0 ? '+' : ''}${addedMs.toFixed(2)}`,
      result.events > 0 ? verdict(scenario, ratio, cpuRatio, addedMs) : '',
    ];
  });
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const kinds = ['raw', 'transport', 'adapter', ...(withCost ? ['adapter-cost-off', 'adapter-cost-limit'] : [])];
const workers: BenchWorker[] = kinds.map(startWorker);
const rows: string[][] = [];
try {
  for (const scenario of scenarios) {
    if (only !== undefined && scenario.name !== only) continue;
    rows.push(...(await runScenario(scenario)));
    console.error(`done: ${scenario.name}`);
  }
} finally {
  await Promise.all(workers.map((worker) => worker.close()));
}
console.log(
  `Node ${process.versions.node}, ${new Date().toISOString()}${scale < 1 ? ' (quick run)' : ''}, ` +
    'medians of interleaved rounds, measured on this machine against the mock server (0 ms unless stated)',
);
console.log(
  table(
    ['scenario', 'client', 'req/s', '× raw', 'CPU µs/req', '× raw CPU', 'TTFT ms', 'added TTFT ms', 'target'],
    rows,
  ),
);
