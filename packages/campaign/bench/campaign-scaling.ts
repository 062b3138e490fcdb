// Campaign scaling bench: `pnpm --filter @acpt/campaign run bench` (about 9 minutes; not part of the test suite).
//
// Real parts: Debian redis-server, the mock Cerebras server with 200 ms latency enforcing a binding quota, 1, 2, 4 and
// 8 worker processes, each running synthetic scenario jobs of CALLS sequential model calls through the adapter. Each
// configuration runs twice on the same setup: with the shared Redis admission, and with each process on its own
// (the adapter's in-process default) as the baseline. The mock server's and the admission's minute start together
// (a shifted clock, as in the tests), and every measurement is exactly one quota window of 60 s.
// Prints a markdown table and a JSON line. Figures: measured on this machine, mock latency, list-price-free.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { type CampaignHarness, startCampaignHarness } from '../src/__fixtures__/campaign-harness.ts';
import type { WorkerProcess } from '../src/__fixtures__/worker-process.ts';
import { RedisAdmission } from '../src/admission/redis-admission.ts';

const RPM = 600;
const CALLS = 20;
const WINDOW_MS = 60_000;
const WORKERS = (process.env['BENCH_WORKERS'] ?? '1,2,4,8').split(',').map(Number);

interface Row {
  readonly workers: number;
  readonly admission: 'redis' | 'local';
  readonly succeeded: number;
  readonly rateLimited: number;
  readonly utilisation: number;
  readonly scenariosPerHour: number;
  /** Redis CPU (user + system) per 1000 successful model requests, ms: BullMQ's work plus the admission's. */
  readonly redisCpuMsPer1000: number | null;
  /** Admission round trips per admitted request: admit (and refused polls), settle, observe. */
  readonly admissionRoundTrips: number | null;
}

/** Redis' own CPU seconds (user + system) from INFO. */
async function redisCpuSeconds(url: string): Promise<number> {
  const redis = new Redis(url);
  const text = await redis.info('cpu');
  redis.disconnect();
  const read = (name: string): number => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(text)?.[1] ?? 0);
  return read('used_cpu_user') + read('used_cpu_sys');
}

async function measure(workers: number, admission: 'redis' | 'local'): Promise<Row> {
  let offset = 0;
  const harness: CampaignHarness = await startCampaignHarness({
    spec: {
      name: `bench-${admission}-${workers}`,
      scenarios: [{ name: 'synthetic' }],
      seeds: { from: 1, count: 400 },
      policies: ['llm'],
      attempts: 1,
    },
    steps: CALLS,
    mock: {
      latency: { kind: 'fixed', ms: 200 },
      rateLimits: { requestsPerMinute: RPM, tokensPerMinute: 10_000_000 },
      clock: { now: () => Date.now() + offset },
    },
    worker: {
      quota: { requestsPerMinute: RPM },
      admission,
      maxRetries: 2,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      statsEveryMs: 250,
    },
  });
  try {
    const clockOffsetFile = join(harness.folder, 'clock-offset');
    await writeFile(clockOffsetFile, '0');
    const processes: WorkerProcess[] = Array.from({ length: workers }, () =>
      harness.startWorker({ clockOffsetFile, concurrency: 1 }),
    );
    await Promise.all(processes.map((worker) => worker.waitFor((line) => line['type'] === 'ready', 'ready')));
    // A quota window starts 2 s from now for the mock server and the admission alike.
    const windowStart = Date.now() + 2_000;
    offset = (WINDOW_MS - (windowStart % WINDOW_MS)) % WINDOW_MS;
    await writeFile(clockOffsetFile, String(offset));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await harness.submit();
    await new Promise((resolve) => setTimeout(resolve, windowStart - Date.now()));
    const admissionStats = new RedisAdmission({
      redis: harness.client,
      prefix: `acpt:admission:bench-${admission}-${workers}`,
    });
    const statsBefore = await admissionStats.stats('gpt-oss-120b');
    const before = await redisCpuSeconds(harness.redis.url);
    const windowEnd = windowStart + WINDOW_MS;
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 500));
    const after = await redisCpuSeconds(harness.redis.url);
    const statsAfter = await admissionStats.stats('gpt-oss-120b');
    // Each worker's counters (printed every 250 ms) at the window's start and end: what it did inside the window.
    let succeeded = 0;
    let rateLimited = 0;
    for (const worker of processes) {
      const at = (time: number): Record<string, unknown> | undefined =>
        worker.lines.filter((line) => line['type'] === 'stats' && Number(line['atMs']) <= time).at(-1);
      const [start, end] = [at(windowStart), at(windowEnd)];
      succeeded += Number(end?.['succeeded'] ?? 0) - Number(start?.['succeeded'] ?? 0);
      rateLimited += Number(end?.['rateLimited'] ?? 0) - Number(start?.['rateLimited'] ?? 0);
    }
    const admitted = statsAfter.admitted - statsBefore.admitted;
    const refused = statsAfter.refused - statsBefore.refused;
    return {
      workers,
      admission,
      succeeded,
      rateLimited,
      utilisation: succeeded / RPM,
      scenariosPerHour: (succeeded / CALLS) * (3_600_000 / WINDOW_MS),
      redisCpuMsPer1000: succeeded === 0 ? null : ((after - before) * 1e6) / succeeded,
      admissionRoundTrips: admission === 'local' || admitted === 0 ? null : (admitted + refused) / admitted + 2,
    };
  } finally {
    await harness.close();
  }
}

const rows: Row[] = [];
for (const workers of WORKERS) {
  for (const admission of ['redis', 'local'] as const) {
    const row = await measure(workers, admission);
    rows.push(row);
    process.stderr.write(`${JSON.stringify(row)}\n`);
  }
}
const format = (value: number | null, digits = 3): string => (value === null ? '–' : value.toPrecision(digits));
console.log(
  `Quota ${RPM} requests/min (binding from 2 workers), mock latency 200 ms, ${CALLS} calls per scenario, one 60 s window each.`,
);
console.log(
  '| workers | admission | requests OK | 429s | quota utilisation | scenarios/hour | Redis CPU ms / 1000 requests | admission round trips / request |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.workers} | ${row.admission === 'redis' ? 'shared (Redis)' : 'per process'} | ${row.succeeded} | ${row.rateLimited} | ` +
      `${(row.utilisation * 100).toFixed(1)} % | ${format(row.scenariosPerHour)} | ${format(row.redisCpuMsPer1000)} | ` +
      `${format(row.admissionRoundTrips)} |`,
  );
}
console.log(JSON.stringify({ bench: 'campaign-scaling', rpm: RPM, calls: CALLS, rows }));
