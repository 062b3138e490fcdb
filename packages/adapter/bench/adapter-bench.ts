/**
 * Adapter bench (a script, not a test): raw undici `request()` against `CerebrasLLMAdapter` over the real
 * `@acpt/transport-cerebras`, with a listener on every adapter event, in one process and one run, against the mock
 * Cerebras server in a child process. Rounds alternate the two clients; medians are compared.
 *
 *   flock /work/main/.git/acpt-bench.lock node --conditions=@acpt/source --expose-gc bench/adapter-bench.ts
 *
 * Targets: ≥ 0.85× raw undici's throughput at concurrency 64 (no server latency); ≥ 0.97× at 32 in flight with
 * 100 ms server latency (the ceiling is 320 req/s). `--quick` runs a fifth of the requests.
 *
 * `--cost` adds two adapter clients to compare cost accounting within the same run: "cost off" prices nothing (a
 * resolver without prices: no cost arithmetic, no spend admission) and "cost + spend limit" prices every answer and
 * admits every attempt against a spend limit it never reaches. Their ratio is the accounting's throughput cost.
 */
import { type CerebrasConfig, type CerebrasConfigInput, createPriceResolver, parseConfig } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import { createMockTransport } from '@acpt/transport-mock';
import { Agent } from 'undici';
import { ADAPTER_EVENT_NAMES, createAdapter } from '../src/index.ts';
import { BENCH_KEY, median, type Run, runConcurrent, startServer } from './bench-harness.ts';

interface Client {
  readonly name: string;
  complete(): Promise<unknown>;
  close(): Promise<void>;
  readonly events: () => number;
}

const prompt = 'Pick RIS phase bits for the next frame.';
const model = 'gpt-oss-120b';
const connections = 64;

function rawUndici(url: string): Client {
  const agent = new Agent({ connections, allowH2: false });
  const headers = { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' };
  return {
    name: 'raw undici request()',
    async complete() {
      const response = await agent.request({
        origin: url,
        path: '/v1/chat/completions',
        method: 'POST',
        headers,
        body: JSON.stringify({ model, max_completion_tokens: 256, messages: [{ role: 'user', content: prompt }] }),
      });
      const json = (await response.body.json()) as { choices: { message: { content: string } }[] };
      if (typeof json.choices[0]?.message.content !== 'string') throw new Error('bad reply');
    },
    close: () => agent.close(),
    events: () => 0,
  };
}

function transportClient(url: string): Client {
  const transport = createCerebrasTransport({ config: benchConfig(url) });
  const request = { model, messages: [{ role: 'user' as const, content: prompt }] };
  return {
    name: 'transport alone',
    complete: () => transport.complete(request),
    close: () => transport.close(),
    events: () => 0,
  };
}

function benchConfig(url: string, extra: CerebrasConfigInput = {}): CerebrasConfig {
  return parseConfig({
    ...extra,
    baseUrl: url,
    apiKey: BENCH_KEY,
    mockMode: false,
    model,
    maxCompletionTokens: 256,
    connection: { connections },
    batching: { batchSize: 1, maxWaitMs: 0, maxInFlight: 256, queueLimit: 100_000 },
  });
}

type CostMode = 'default' | 'off' | 'limit';

function adapterClient(url: string, cost: CostMode = 'default'): Client {
  const config = benchConfig(url, cost === 'limit' ? { spend: { maxUsd: 1_000_000, maxUsdPerHour: 1_000_000 } } : {});
  const adapter = createAdapter({
    config,
    transport: createCerebrasTransport({ config }),
    mockTransport: createMockTransport({ seed: 1 }),
    // "off": no model has a price, so no cost is computed and no spend is checked.
    ...(cost === 'off' ? { prices: createPriceResolver({ defaults: {}, onWarning: () => {} }) } : {}),
  });
  let events = 0;
  const count = (): void => {
    events++;
  };
  for (const name of ADAPTER_EVENT_NAMES) adapter.on(name, count);
  const names: Record<CostMode, string> = {
    default: 'adapter (events on)',
    off: 'adapter (events on, cost off)',
    limit: 'adapter (events on, cost + spend limit)',
  };
  return {
    name: names[cost],
    async complete() {
      const response = await adapter.generate(prompt);
      if (response.fallback !== undefined) throw new Error('the bench must not fall back');
    },
    close: () => adapter.close(),
    events: () => events,
  };
}

interface Scenario {
  readonly name: string;
  readonly latencyMs: number;
  readonly concurrency: number;
  readonly requests: number;
  /** Untimed requests per client first: the JIT needs several thousand to settle. */
  readonly warmup: number;
  readonly rounds: number;
  readonly target: number;
}

const scale = process.argv.includes('--quick') ? 0.2 : 1;
const withCost = process.argv.includes('--cost');
const scenarios: Scenario[] = [
  { name: 'no latency, c=64', latencyMs: 0, concurrency: 64, requests: 8_000, warmup: 20_000, rounds: 5, target: 0.85 },
  {
    name: '100 ms latency, 32 in flight',
    latencyMs: 100,
    concurrency: 32,
    requests: 960,
    warmup: 320,
    rounds: 3,
    target: 0.97,
  },
];

async function runScenario(scenario: Scenario): Promise<string[][]> {
  const server = await startServer(scenario.latencyMs);
  const clients = [rawUndici(server.url), transportClient(server.url), adapterClient(server.url)];
  if (withCost) clients.push(adapterClient(server.url, 'off'), adapterClient(server.url, 'limit'));
  const runs = new Map<string, Run[]>(clients.map((client) => [client.name, []]));
  const requests = Math.max(scenario.concurrency * 4, Math.round(scenario.requests * scale));
  try {
    const warmup = Math.max(scenario.concurrency * 4, Math.round(scenario.warmup * scale));
    for (const client of clients) await runConcurrent(scenario.concurrency, warmup, () => client.complete());
    for (let round = 0; round < scenario.rounds; round++) {
      for (const client of round % 2 === 0 ? clients : [...clients].reverse()) {
        (globalThis as { gc?: () => void }).gc?.();
        runs.get(client.name)?.push(await runConcurrent(scenario.concurrency, requests, () => client.complete()));
      }
    }
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await server.stop();
  }
  const raw = median((runs.get(clients[0]?.name ?? '') ?? []).map((run) => run.throughput));
  const rawCpu = median((runs.get(clients[0]?.name ?? '') ?? []).map((run) => run.cpuPerRequestUs));
  return clients.map((client) => {
    const list = runs.get(client.name) ?? [];
    const throughput = median(list.map((run) => run.throughput));
    const cpu = median(list.map((run) => run.cpuPerRequestUs));
    const ratio = throughput / raw;
    const verdict =
      client.events() === 0 ? '' : ratio >= scenario.target ? `≥ ${scenario.target} ok` : `< ${scenario.target} MISS`;
    return [
      scenario.name,
      client.name,
      throughput.toFixed(0),
      ratio.toFixed(3),
      cpu.toFixed(0),
      (cpu / rawCpu).toFixed(2),
      client.events() > 0 ? String(client.events()) : '',
      verdict,
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
  `Node ${process.versions.node}, ${new Date().toISOString()}${scale < 1 ? ' (quick run)' : ''}, medians of interleaved rounds`,
);
console.log(table(['scenario', 'client', 'req/s', '× raw', 'CPU µs/req', '× raw', 'events', 'target'], rows));
