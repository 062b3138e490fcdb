/**
 * Adaptive-concurrency bench (a script, not a test): `batching.mode` fixed at several in-flight limits against
 * `adaptive`, through the real `@acpt/transport-cerebras` against the mock Cerebras server with a load model (slots
 * behind a bounded queue; `429 queue_exceeded` beyond it), a 2 s latency budget, closed-loop callers, same run.
 *
 *   node --conditions=@acpt/source bench/adaptive-bench.ts [--seconds 6]
 *
 * Targets (issue #20): adaptive ≥ 95 % of the best fixed setting's throughput with p95 under the budget and no more
 * 429s than that setting, on every workload; back to full throughput within 10 s after a burst of 429s ends.
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import { createMockCerebrasServer, type LoadModel, type MockCerebrasServer } from '@acpt/transport-mock';
import { createAdapter } from '../src/index.ts';

const KEY = 'csk-adaptive-bench';
const BUDGET_MS = 2_000;
const FIXED_LIMITS = [2, 4, 8, 16, 32, 64] as const;

interface Workload {
  readonly name: string;
  readonly load: LoadModel;
  readonly serviceMs: number;
  /** Callers at each moment (ms since the start → callers). */
  readonly callers: (elapsedMs: number) => number;
  readonly maxCallers: number;
}

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '6' } } });
const seconds = Number(values.seconds);

const workloads: readonly Workload[] = [
  {
    name: 'light (64 slots, 20 ms, 24 callers)',
    load: { slots: 64, queueLimit: 256 },
    serviceMs: 20,
    callers: () => 24,
    maxCallers: 24,
  },
  {
    name: 'saturating (8 slots + 8 queued, 100 ms, 64 callers)',
    load: { slots: 8, queueLimit: 8 },
    serviceMs: 100,
    callers: () => 64,
    maxCallers: 64,
  },
  {
    name: 'bursty (16 slots + 16 queued, 50 ms, 4↔64 callers every 1.5 s)',
    load: { slots: 16, queueLimit: 16 },
    serviceMs: 50,
    callers: (elapsed) => (Math.floor(elapsed / 1_500) % 2 === 0 ? 4 : 64),
    maxCallers: 64,
  },
];

interface Result {
  readonly setting: string;
  readonly perSecond: number;
  readonly p95Ms: number;
  readonly refused: number;
  readonly failed: number;
}

function p95(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number;
}

async function run(workload: Workload, setting: number | 'adaptive', durationMs: number): Promise<Result> {
  const server: MockCerebrasServer = await createMockCerebrasServer({
    apiKey: KEY,
    load: workload.load,
    latency: { kind: 'fixed', ms: workload.serviceMs },
  });
  const config = parseConfig({
    mockMode: false,
    apiKey: KEY,
    baseUrl: server.url,
    fallback: 'throw',
    latencyBudget: { ms: BUDGET_MS },
    timeouts: { totalMs: 10_000 },
    retry: { maxRetries: 3, initialBackoffMs: 50, maxBackoffMs: 500 },
    // The breaker would turn a burst of 429s into instant CircuitOpenErrors in a closed loop; batching is measured.
    circuitBreaker: { failureThreshold: 1_000, cooldownMs: 1_000 },
    connection: { connections: 128 },
    batching:
      setting === 'adaptive'
        ? { mode: 'adaptive', minInFlight: 1, maxInFlight: 64, queueLimit: 100_000 }
        : { mode: 'fixed', maxInFlight: setting, queueLimit: 100_000 },
  });
  const adapter = createAdapter({ config, transport: createCerebrasTransport({ config }) });
  const latencies: number[] = [];
  let completed = 0;
  let failed = 0;
  const started = performance.now();
  const caller = async (index: number): Promise<void> => {
    while (performance.now() - started < durationMs) {
      if (index >= workload.callers(performance.now() - started)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      const begin = performance.now();
      try {
        await adapter.generate('Pick RIS phase bits.', { maxCompletionTokens: 16 });
        completed++;
        latencies.push(performance.now() - begin);
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: workload.maxCallers }, (_, index) => caller(index)));
  const elapsed = (performance.now() - started) / 1_000;
  const refused = server.load?.refused ?? 0;
  await adapter.close();
  await server.close();
  return {
    setting: setting === 'adaptive' ? 'adaptive (1–64)' : `fixed ${setting}`,
    perSecond: completed / elapsed,
    p95Ms: p95(latencies),
    refused,
    failed,
  };
}

/** Throughput per 500 ms before, during and after a neighbour floods the endpoint for 3 s. */
async function recovery(
  setting: number | 'adaptive',
): Promise<{ setting: string; recoverySeconds: number | undefined }> {
  const load = { slots: 16, queueLimit: 8 };
  const server = await createMockCerebrasServer({ apiKey: KEY, load, latency: { kind: 'fixed', ms: 50 } });
  const config = parseConfig({
    mockMode: false,
    apiKey: KEY,
    baseUrl: server.url,
    fallback: 'throw',
    latencyBudget: { ms: BUDGET_MS },
    retry: { maxRetries: 3, initialBackoffMs: 50, maxBackoffMs: 500 },
    batching:
      setting === 'adaptive'
        ? { mode: 'adaptive', minInFlight: 1, maxInFlight: 64 }
        : { mode: 'fixed', maxInFlight: setting },
  });
  const adapter = createAdapter({ config, transport: createCerebrasTransport({ config }) });
  const neighbour = createAdapter({
    config: parseConfig({ ...config, batching: { maxInFlight: 64 }, retry: { maxRetries: 0 } }),
    transport: createCerebrasTransport({ config }),
  });
  const buckets = new Map<number, number>();
  const started = performance.now();
  const floodFrom = 4_000;
  const floodTo = 7_000;
  const end = 20_000;
  const ours = async (): Promise<void> => {
    while (performance.now() - started < end) {
      try {
        await adapter.generate('ours', { maxCompletionTokens: 16 });
        const bucket = Math.floor((performance.now() - started) / 500);
        buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
      } catch {}
    }
  };
  const flood = async (): Promise<void> => {
    while (performance.now() - started < floodFrom) await new Promise((resolve) => setTimeout(resolve, 20));
    while (performance.now() - started < floodTo) await neighbour.generate('flood').catch(() => undefined);
  };
  await Promise.all([...Array.from({ length: 32 }, ours), ...Array.from({ length: 48 }, flood)]);
  await adapter.close();
  await neighbour.close();
  await server.close();
  const before = [...Array(Math.floor(floodFrom / 500)).keys()].slice(2).map((bucket) => buckets.get(bucket) ?? 0);
  const baseline = before.reduce((sum, value) => sum + value, 0) / Math.max(1, before.length);
  let recoveredAt: number | undefined;
  for (let bucket = floodTo / 500; bucket < end / 500; bucket++) {
    if ((buckets.get(bucket) ?? 0) >= 0.9 * baseline) {
      recoveredAt = bucket;
      break;
    }
  }
  return {
    setting: setting === 'adaptive' ? 'adaptive (1–64)' : `fixed ${setting}`,
    recoverySeconds: recoveredAt === undefined ? undefined : (recoveredAt * 500 - floodTo) / 1_000,
  };
}

const format = (value: number, digits = 0): string => value.toFixed(digits);
console.log(`adaptive-concurrency bench — ${seconds} s per run, budget ${BUDGET_MS} ms, mock server with a load model`);
for (const workload of workloads) {
  const results: Result[] = [];
  for (const setting of [...FIXED_LIMITS, 'adaptive'] as const)
    results.push(await run(workload, setting, seconds * 1_000));
  const fixed = results.filter((result) => result.setting.startsWith('fixed'));
  const eligible = fixed.filter((result) => result.p95Ms <= BUDGET_MS);
  const best = (eligible.length > 0 ? eligible : fixed).reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const adaptive = results.at(-1) as Result;
  console.log(`\n${workload.name}`);
  console.log('| setting | completed/s | p95 ms | 429 queue_exceeded | failed |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const result of results) {
    const mark = result === best ? ' (best fixed)' : '';
    console.log(
      `| ${result.setting}${mark} | ${format(result.perSecond, 1)} | ${format(result.p95Ms)} | ${result.refused} | ${result.failed} |`,
    );
  }
  const ratio = adaptive.perSecond / best.perSecond;
  const verdict = ratio >= 0.95 && adaptive.p95Ms <= BUDGET_MS && adaptive.refused <= best.refused ? 'MEETS' : 'MISSES';
  console.log(
    `adaptive / best fixed: ${format(ratio, 3)}× throughput, p95 ${format(adaptive.p95Ms)} ms (budget ${BUDGET_MS}), 429s ${adaptive.refused} vs ${best.refused} → ${verdict} the target`,
  );
}
console.log('\nrecovery after a 3 s flood by a neighbour (16 slots + 8 queued, 50 ms, 32 of our callers)');
console.log('| setting | back to 90 % of pre-flood throughput after |');
console.log('| --- | ---: |');
for (const setting of [16, 'adaptive'] as const) {
  const result = await recovery(setting);
  console.log(
    `| ${result.setting} | ${result.recoverySeconds === undefined ? 'not within 13 s' : `${result.recoverySeconds} s`} |`,
  );
}
