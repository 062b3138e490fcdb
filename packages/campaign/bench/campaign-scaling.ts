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
  readonly redisCommandsPerRequest: number | null;
  readonly admissionCallsPerRequest: number | null;
}

async function commandStats(url: string): Promise<Map<string, number>> {
  const redis = new Redis(url);
  const text = await redis.info('commandstats');
  redis.disconnect();
  const stats = new Map<string, number>();
  for (const match of text.matchAll(/^cmdstat_([a-z|]+):calls=(\d+)/gm))
    stats.set(match[1] as string, Number(match[2]));
  return stats;
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
    offset = WINDOW_MS - 2_000 - (Date.now() % WINDOW_MS);
    await writeFile(clockOffsetFile, String(offset));
    await harness.submit();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const before = await commandStats(harness.redis.url);
    const windowEnd = Date.now() + WINDOW_MS;
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 500));
    const after = await commandStats(harness.redis.url);
    // Each worker's last counters taken inside the window (printed every 250 ms).
    let succeeded = 0;
    let rateLimited = 0;
    for (const worker of processes) {
      const stats = worker.lines.filter((line) => line['type'] === 'stats' && Number(line['atMs']) <= windowEnd).at(-1);
      succeeded += Number(stats?.['succeeded'] ?? 0);
      rateLimited += Number(stats?.['rateLimited'] ?? 0);
    }
    const calls = (name: string): number => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    const totalCommands = [...after.keys()].reduce((sum, name) => sum + calls(name), 0);
    return {
      workers,
      admission,
      succeeded,
      rateLimited,
      utilisation: succeeded / RPM,
      scenariosPerHour: (succeeded / CALLS) * (3_600_000 / WINDOW_MS),
      redisCommandsPerRequest: succeeded === 0 ? null : totalCommands / succeeded,
      admissionCallsPerRequest:
        admission === 'local' || succeeded === 0 ? null : (calls('evalsha') + calls('eval')) / succeeded,
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
  '| workers | admission | requests OK | 429s | quota utilisation | scenarios/hour | Redis commands / request | admission scripts / request |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.workers} | ${row.admission === 'redis' ? 'shared (Redis)' : 'per process'} | ${row.succeeded} | ${row.rateLimited} | ` +
      `${(row.utilisation * 100).toFixed(1)} % | ${format(row.scenariosPerHour)} | ${format(row.redisCommandsPerRequest)} | ` +
      `${format(row.admissionCallsPerRequest)} |`,
  );
}
console.log(JSON.stringify({ bench: 'campaign-scaling', rpm: RPM, calls: CALLS, rows }));
