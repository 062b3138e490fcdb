/**
 * Transport bench (a script, not a test): raw undici `request()`, `@acpt/transport-cerebras` and the official SDK
 * against the mock Cerebras server running in a child process, in one process and one run. Prints throughput and
 * client CPU per request as ratios to raw undici for whole replies at concurrency 1, 16 and 64 and for 200-token
 * streams, plus time to first token added over raw undici.
 *
 *   flock /work/main/.git/acpt-bench.lock node --conditions=@acpt/source --expose-gc bench/transport-bench.ts
 *
 * `--quick` runs a tenth of the requests (a smoke run; its numbers are noisy).
 */
import { type BenchClient, officialSdkClient, rawUndiciClient, transportClient } from './bench-clients.ts';
import { startBenchServer } from './bench-protocol.ts';
import { formatTable, measure, median, type RunResult } from './measure.ts';

interface Scenario {
  readonly name: string;
  readonly paced: boolean;
  readonly stream: boolean;
  readonly concurrency: number;
  readonly requests: number;
  readonly warmup: number;
  readonly rounds: number;
}

const scale = process.argv.includes('--quick') ? 0.1 : 1;
const scenarios: readonly Scenario[] = [
  { name: 'whole reply, c=1', paced: false, stream: false, concurrency: 1, requests: 2000, warmup: 300, rounds: 3 },
  { name: 'whole reply, c=16', paced: false, stream: false, concurrency: 16, requests: 5000, warmup: 500, rounds: 3 },
  { name: 'whole reply, c=64', paced: false, stream: false, concurrency: 64, requests: 5000, warmup: 500, rounds: 3 },
  { name: 'stream 200 tok, c=16', paced: false, stream: true, concurrency: 16, requests: 800, warmup: 100, rounds: 3 },
  {
    name: 'stream 200 tok paced 1k tok/s, c=1',
    paced: true,
    stream: true,
    concurrency: 1,
    requests: 40,
    warmup: 5,
    rounds: 1,
  },
];

interface Summary {
  readonly throughput: number;
  readonly cpuPerRequestUs: number;
  readonly firstTokenMs: number;
}

function summarise(runs: readonly RunResult[]): Summary {
  return {
    throughput: median(runs.map((run) => run.throughput)),
    cpuPerRequestUs: median(runs.map((run) => run.cpuPerRequestUs)),
    firstTokenMs: median(runs.flatMap((run) => run.samples)),
  };
}

async function runScenario(scenario: Scenario, url: string): Promise<Map<string, Summary>> {
  const clients: BenchClient[] = [rawUndiciClient(url), transportClient(url), officialSdkClient(url)];
  const runs = new Map<string, RunResult[]>(clients.map((client) => [client.name, []]));
  for (let round = 0; round < scenario.rounds; round++) {
    for (const client of clients) {
      const result = await measure({
        concurrency: scenario.concurrency,
        requests: Math.max(scenario.concurrency, Math.round(scenario.requests * scale)),
        warmup: Math.max(scenario.concurrency, Math.round(scenario.warmup * scale)),
        task: scenario.stream ? () => client.stream() : () => client.complete(),
      });
      runs.get(client.name)?.push(result);
    }
  }
  await Promise.all(clients.map((client) => client.close()));
  return new Map([...runs].map(([name, results]) => [name, summarise(results)]));
}

const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

async function main(): Promise<void> {
  const plain = await startBenchServer(false);
  const paced = await startBenchServer(true);
  const rows: string[][] = [];
  try {
    for (const scenario of scenarios) {
      const summaries = await runScenario(scenario, scenario.paced ? paced.url : plain.url);
      const raw = summaries.get('raw undici request()');
      for (const [name, summary] of summaries) {
        if (raw === undefined) continue;
        rows.push([
          scenario.name,
          name,
          fixed(summary.throughput, 0),
          fixed(summary.throughput / raw.throughput, 2),
          fixed(summary.cpuPerRequestUs, 0),
          fixed(summary.cpuPerRequestUs / raw.cpuPerRequestUs, 2),
          scenario.stream ? fixed(summary.firstTokenMs, 3) : '',
          scenario.stream ? fixed(summary.firstTokenMs - raw.firstTokenMs, 3) : '',
        ]);
      }
      console.error(`done: ${scenario.name}`);
    }
  } finally {
    await Promise.all([plain.stop(), paced.stop()]);
  }
  const header = ['scenario', 'client', 'req/s', '× raw', 'CPU µs/req', '× raw', 'TTFT ms', '+TTFT ms'];
  console.log(`Node ${process.versions.node}, ${new Date().toISOString()}${scale < 1 ? ' (quick run)' : ''}`);
  console.log(formatTable(header, rows));
}

await main();
