/**
 * Telemetry bench (a script, not a test): raw undici `request()`, the adapter without telemetry, and the adapter with
 * `instrumentAdapter` on real SDK providers at concurrency 64, in one run against the mock Cerebras server in a child
 * process. Each client runs in a fresh process of its own per round (`_client-process.ts`), as an application runs one
 * of them: sharing one process would let the clients' garbage and type feedback slow each other down. Telemetry is
 * measured twice: with every trace sampled (always-on, the strict reading of the target) and with the
 * production-style `parentbased_traceidratio` 0.1 sampler; `--breakdown` adds metrics-only and spans-only rows. Rounds
 * alternate the clients' order; medians are compared. Target: the adapter with telemetry on keeps ≥ 0.8× raw undici's
 * throughput. A reference row runs raw undici under OpenTelemetry's own `@opentelemetry/instrumentation-undici` (one
 * span and one histogram record per request), for what any OTel-instrumented client pays on the same harness. Two server latencies: none (the client's CPU is the limit, so every µs of telemetry shows) and 10 ms
 * (still far below a real completion). With `taskset` the server is pinned to core 0 and the clients to core 1. The
 * bench reports and always exits 0: a missed target prints MISS (tests assert, benches report).
 *
 *   flock /work/main/.git/acpt-bench.lock node --conditions=@acpt/source --expose-gc bench/telemetry-bench.ts \
 *     [--quick] [--breakdown]
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type BenchClientKind, CLIENT_NAMES, isTargetClient } from './_clients.ts';
import type { Run } from './_measure.ts';
import { pinSelf, startServer } from './_server.ts';

const concurrency = 64;
const scale = process.argv.includes('--quick') ? 0.25 : 1;
const breakdown = process.argv.includes('--breakdown');
const rounds = 5;
const target = 0.8;
// Each process warms up with `warmup` requests first: the JIT needs some ten thousand before the hot paths settle.
const scenarios = [
  { latencyMs: 0, warmup: 20_000, requests: 20_000 },
  { latencyMs: 10, warmup: 6_000, requests: 3_000 },
];
const clients: BenchClientKind[] = [
  'raw',
  'raw-otel',
  'off',
  'always-on',
  'ratio-0.1',
  ...(breakdown ? (['metrics-only', 'spans-only'] as const) : []),
];
const childScript = fileURLToPath(new URL('./_client-process.ts', import.meta.url));
const run = promisify(execFile);

interface ChildRun extends Run {
  readonly spans: number;
}

interface Row {
  readonly latencyMs: number;
  readonly client: BenchClientKind;
  readonly throughput: number;
  readonly ratio: number;
  readonly cpuUs: number;
  readonly gcUs: number;
  readonly spansPerRequest: number;
}

/** One client in a fresh process (inheriting this process's core): warm-up, then the measured requests. */
async function measureInChild(
  client: BenchClientKind,
  url: string,
  requests: { readonly warmup: number; readonly measured: number },
): Promise<ChildRun> {
  const { stdout } = await run(process.execPath, [
    '--conditions=@acpt/source',
    '--expose-gc',
    childScript,
    client,
    `--url=${url}`,
    `--warmup=${requests.warmup}`,
    `--requests=${requests.measured}`,
    `--concurrency=${concurrency}`,
  ]);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildRun;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
}

async function runScenario(
  latencyMs: number,
  requests: { readonly warmup: number; readonly measured: number },
  pinned: boolean,
): Promise<Row[]> {
  const server = await startServer(latencyMs, pinned);
  const runs = new Map<BenchClientKind, ChildRun[]>(clients.map((client) => [client, []]));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const client of round % 2 === 0 ? clients : [...clients].reverse()) {
        runs.get(client)?.push(await measureInChild(client, server.url, requests));
      }
    }
  } finally {
    await server.stop();
  }
  const raw = median((runs.get('raw') ?? []).map((entry) => entry.throughput));
  return clients.map((client) => {
    const list = runs.get(client) ?? [];
    const throughput = median(list.map((entry) => entry.throughput));
    return {
      latencyMs,
      client,
      throughput,
      ratio: throughput / raw,
      cpuUs: median(list.map((entry) => entry.cpuUs)),
      // GC pauses are rare events (one scavenge every few thousand requests): a mean over the rounds, not a median.
      gcUs: list.reduce((sum, entry) => sum + entry.gcUs, 0) / list.length,
      spansPerRequest: list.reduce((sum, entry) => sum + entry.spans, 0) / (requests.measured * list.length),
    };
  });
}

function printTable(rows: readonly Row[]): void {
  console.log(
    `| server latency | client | req/s | × raw undici | CPU µs/req | telemetry µs/req | GC pause µs/req | spans/req | ≥ ${target}× |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    // Telemetry's CPU is measured against the same client without it: raw undici for the reference row.
    const uninstrumented = row.client === 'raw-otel' ? 'raw' : 'off';
    const baseline = rows.find((other) => other.latencyMs === row.latencyMs && other.client === uninstrumented);
    const isRaw = row.client === 'raw';
    const telemetryUs =
      isRaw || baseline === undefined || baseline === row ? '' : (row.cpuUs - baseline.cpuUs).toFixed(0);
    const cells = [
      `${row.latencyMs} ms`,
      isTargetClient(row.client) ? `**${CLIENT_NAMES[row.client]}**` : CLIENT_NAMES[row.client],
      row.throughput.toFixed(0),
      row.ratio.toFixed(3),
      row.cpuUs.toFixed(0),
      telemetryUs,
      row.gcUs.toFixed(1),
      isRaw || baseline === row ? '' : row.spansPerRequest.toFixed(2),
      isRaw ? '' : row.ratio >= target ? 'ok' : 'MISS',
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

function printVerdict(rows: readonly Row[]): void {
  console.log(
    `\nTarget: the adapter with telemetry on keeps ≥ ${target}× raw undici's throughput at c=${concurrency}.`,
  );
  for (const row of rows.filter((candidate) => isTargetClient(candidate.client))) {
    const verdict = row.ratio >= target ? 'ok  ' : 'MISS';
    console.log(`  ${verdict} ${row.latencyMs} ms, ${CLIENT_NAMES[row.client]}: ${row.ratio.toFixed(3)}×`);
  }
  for (const row of rows.filter((candidate) => candidate.client === 'off')) {
    if (row.ratio < target) {
      console.log(
        `  note: at ${row.latencyMs} ms the adapter alone is at ${row.ratio.toFixed(3)}×: below ${target}× before any telemetry.`,
      );
    }
  }
}

const pinned = pinSelf();
const placement = pinned ? 'server on core 0, each client process on core 1' : 'unpinned (no taskset)';
console.log(`Node ${process.versions.node}, c=${concurrency}, ${rounds} rounds, medians, ${placement}`);
console.log('(every client runs in a fresh process per round, warmed up before it is measured)');
console.log(
  '(bold: rows the target is about; telemetry µs/req: CPU over the same client without telemetry, the adapter or raw undici)\n',
);
const rows: Row[] = [];
for (const scenario of scenarios) {
  const requests = { warmup: Math.round(scenario.warmup * scale), measured: Math.round(scenario.requests * scale) };
  rows.push(...(await runScenario(scenario.latencyMs, requests, pinned)));
}
printTable(rows);
printVerdict(rows);
