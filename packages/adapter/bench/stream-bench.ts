/**
 * Stream bench (a script, not a test): raw undici `request()`, `@acpt/transport-cerebras` and `CerebrasLLMAdapter`
 * (library defaults except connections, a listener on every event) streaming 200-token replies from the mock Cerebras
 * server in a child process (the transport bench's server, raw client and measuring helpers), in one process and one
 * run. Each of ours runs with coalesced deltas (the default) and per token, so the table shows what coalescing
 * gives. Rounds alternate the clients' order; medians are compared.
 *
 *   flock /work/bench.lock node --conditions=@acpt/source --expose-gc bench/stream-bench.ts
 *
 * Targets (issue #18): unpaced, c=16, through the adapter: ≥ 0.95× raw undici's throughput at ≤ 1.1× its CPU per
 * stream; paced at 1000 tokens/s, c=1: under 0.5 ms of time to first token added over raw undici.
 * `--quick` runs a fifth of the streams (a smoke run; its numbers are noisy).
 */
import { startBenchServer } from '../../transport-cerebras/bench/bench-protocol.ts';
import { formatTable, median, runConcurrent as runTasks } from '../../transport-cerebras/bench/measure.ts';
import { adapterClient, rawUndiciClient, type StreamClient, transportClient } from './stream-bench-clients.ts';

interface Scenario {
  readonly name: string;
  readonly paced: boolean;
  readonly concurrency: number;
  readonly streams: number;
  readonly warmup: number;
  readonly rounds: number;
}

interface Run {
  readonly throughput: number;
  readonly cpuPerStreamUs: number;
  readonly firstTokenMs: number;
}

const scale = process.argv.includes('--quick') ? 0.2 : 1;
const scenarios: readonly Scenario[] = [
  { name: 'unpaced 200 tok, c=16', paced: false, concurrency: 16, streams: 2000, warmup: 2000, rounds: 5 },
  { name: 'paced 1k tok/s, c=1', paced: true, concurrency: 1, streams: 30, warmup: 5, rounds: 2 },
];

/** Runs `streams` streams with `concurrency` workers: throughput, this process's CPU per stream, median TTFT. */
async function runConcurrent(concurrency: number, streams: number, client: StreamClient): Promise<Run> {
  const run = await runTasks({ concurrency, requests: streams, task: () => client.stream() });
  return { throughput: run.throughput, cpuPerStreamUs: run.cpuPerRequestUs, firstTokenMs: median(run.samples) };
}

function verdict(scenario: Scenario, client: StreamClient, run: Run, raw: Run): string {
  if (!client.name.startsWith('adapter') || !client.name.includes('coalesced')) return '';
  if (scenario.paced) {
    const added = run.firstTokenMs - raw.firstTokenMs;
    return added < 0.5 ? '+TTFT < 0.5 ms ok' : '+TTFT ≥ 0.5 ms MISS';
  }
  const fast = run.throughput / raw.throughput >= 0.95;
  const lean = run.cpuPerStreamUs / raw.cpuPerStreamUs <= 1.1;
  return fast && lean ? '≥ 0.95×, ≤ 1.1× CPU ok' : `${fast ? '' : '< 0.95× '}${lean ? '' : '> 1.1× CPU '}MISS`;
}

async function runScenario(scenario: Scenario): Promise<string[][]> {
  const server = await startBenchServer(scenario.paced);
  const clients: StreamClient[] = [
    rawUndiciClient(server.url),
    transportClient(server.url, 'coalesced'),
    transportClient(server.url, 'per-token'),
    adapterClient(server.url, 'coalesced'),
    adapterClient(server.url, 'per-token'),
  ];
  const runs = new Map<string, Run[]>(clients.map((client) => [client.name, []]));
  const streams = Math.max(scenario.concurrency * 4, Math.round(scenario.streams * scale));
  try {
    const warmup = Math.max(scenario.concurrency * 2, Math.round(scenario.warmup * scale));
    for (const client of clients) await runConcurrent(scenario.concurrency, warmup, client);
    for (let round = 0; round < scenario.rounds; round++) {
      for (const client of round % 2 === 0 ? clients : [...clients].reverse()) {
        (globalThis as { gc?: () => void }).gc?.();
        runs.get(client.name)?.push(await runConcurrent(scenario.concurrency, streams, client));
      }
    }
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await server.stop();
  }
  const summary = (client: StreamClient): Run => {
    const list = runs.get(client.name) ?? [];
    return {
      throughput: median(list.map((run) => run.throughput)),
      cpuPerStreamUs: median(list.map((run) => run.cpuPerStreamUs)),
      firstTokenMs: median(list.map((run) => run.firstTokenMs)),
    };
  };
  const raw = summary(clients[0] as StreamClient);
  return clients.map((client) => {
    const run = summary(client);
    return [
      scenario.name,
      client.name,
      run.throughput.toFixed(scenario.paced ? 2 : 0),
      (run.throughput / raw.throughput).toFixed(3),
      run.cpuPerStreamUs.toFixed(0),
      (run.cpuPerStreamUs / raw.cpuPerStreamUs).toFixed(2),
      run.firstTokenMs.toFixed(3),
      (run.firstTokenMs - raw.firstTokenMs).toFixed(3),
      verdict(scenario, client, run, raw),
    ];
  });
}

const rows: string[][] = [];
for (const scenario of scenarios) {
  rows.push(...(await runScenario(scenario)));
  console.error(`done: ${scenario.name}`);
}
console.log(
  `Node ${process.versions.node}, ${new Date().toISOString()}${scale < 1 ? ' (quick run)' : ''}, measured: medians of ` +
    'interleaved rounds, client CPU only (the mock server runs in a child process)',
);
const header = ['scenario', 'client', 'streams/s', '× raw', 'CPU µs/stream', '× raw', 'TTFT ms', '+TTFT ms', 'target'];
console.log(formatTable(header, rows));
