/**
 * Adapter bench (a script, not a test): raw undici `request()`, the Cerebras transport alone, and
 * `CerebrasLLMAdapter` over that transport (library defaults except `connection.connections`, a listener on every
 * adapter event), in one process and one run, against the mock Cerebras server in a child process. Rounds alternate
 * the clients (forwards, then backwards); medians of the rounds are compared with raw undici's of the same run.
 *
 *   flock /work/bench.lock node --conditions=@acpt/source --expose-gc bench/adapter-bench.ts
 *
 * Rows: whole replies at 0 ms server latency with c=1 (sequential callers), c=16 and c=64; streamed replies at c=1
 * and c=16 (time to first token); whole replies at 100 ms latency with 32 in flight (the ceiling is 320 req/s).
 * Columns: throughput, its ratio to raw undici, client CPU per request (this process only, `process.cpuUsage()`) and
 * its ratio, the median time to first token (for a whole reply: to the reply) and what the client adds to raw undici's.
 * Targets (issue #18): ≥ 1.0× raw throughput and ≤ 1.0× raw CPU at c=1/16/64, < 0.5 ms added time to first token;
 * ≥ 0.99× at 100 ms. `--quick` runs a fifth of the requests; `--cost` adds the cost-accounting variants.
 */
import { adapterClient, type Client, rawUndici, transportClient } from './bench-clients.ts';
import { median, type Run, runConcurrent, startServer } from './bench-harness.ts';

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
const whole = { latencyMs: 0, stream: false, target: 1, cpu: true } as const;
const scenarios: Scenario[] = [
  { ...whole, name: 'c=64', concurrency: 64, requests: 8_000, warmup: 20_000, rounds: 5 },
  { ...whole, name: 'c=16', concurrency: 16, requests: 6_000, warmup: 2_000, rounds: 5 },
  { ...whole, name: 'c=1 (sequential)', concurrency: 1, requests: 2_000, warmup: 1_000, rounds: 5 },
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

async function measureScenario(scenario: Scenario, clients: readonly Client[]): Promise<Map<string, Summary>> {
  const runs = new Map<string, Run[]>(clients.map((client) => [client.name, []]));
  const task = (client: Client) => (scenario.stream ? () => client.stream() : () => client.complete());
  const requests = Math.max(scenario.concurrency * 4, Math.round(scenario.requests * scale));
  const warmup = Math.max(scenario.concurrency * 4, Math.round(scenario.warmup * scale));
  for (const client of clients) await runConcurrent(scenario.concurrency, warmup, task(client));
  for (let round = 0; round < scenario.rounds; round++) {
    for (const client of round % 2 === 0 ? clients : [...clients].reverse()) {
      (globalThis as { gc?: () => void }).gc?.();
      runs.get(client.name)?.push(await runConcurrent(scenario.concurrency, requests, task(client)));
    }
  }
  return new Map([...runs].map(([name, list]) => [name, summarise(list)]));
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
  const clients = [rawUndici(server.url), transportClient(server.url), adapterClient(server.url)];
  if (withCost) clients.push(adapterClient(server.url, 'off'), adapterClient(server.url, 'limit'));
  let results: Map<string, Summary>;
  try {
    results = await measureScenario(scenario, clients);
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await server.stop();
  }
  const raw = results.get(clients[0]?.name ?? '') as Summary;
  return clients.map((client) => {
    const own = results.get(client.name) as Summary;
    const ratio = own.throughput / raw.throughput;
    const cpuRatio = own.cpu / raw.cpu;
    const addedMs = own.latencyMs - raw.latencyMs;
    const isRaw = client === clients[0];
    return [
      scenario.name,
      client.name,
      own.throughput.toFixed(0),
      ratio.toFixed(2),
      own.cpu.toFixed(1),
      cpuRatio.toFixed(2),
      own.latencyMs.toFixed(2),
      isRaw ? '' : `${addedMs >= 0 ? '+' : ''}${addedMs.toFixed(2)}`,
      client.events() > 0 ? verdict(scenario, ratio, cpuRatio, addedMs) : '',
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

const rows: string[][] = [];
for (const scenario of scenarios) {
  rows.push(...(await runScenario(scenario)));
  console.error(`done: ${scenario.name}`);
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
