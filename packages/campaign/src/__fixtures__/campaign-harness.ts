import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMockCerebrasServer,
  type MockCerebrasServer,
  type MockCerebrasServerOptions,
} from '@acpt/transport-mock';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { openCampaignQueue, submitCampaign } from '../queue/campaign-queue.ts';
import { connectRedis } from '../redis/redis-connection.ts';
import { type LocalRedis, startLocalRedis } from '../redis/start-local-redis.ts';
import { FilesystemResultsStore } from '../results/filesystem-results-store.ts';
import type { CampaignSpecInput } from '../spec/campaign-spec-schema.ts';
import type { CampaignJobData } from '../spec/expand-campaign.ts';
import { type CampaignPlan, expandCampaign } from '../spec/expand-campaign.ts';
import { parseCampaignSpec } from '../spec/parse-campaign-spec.ts';
import type { ExecutionRecord } from './synthetic-runner.ts';
import { startWorkerProcess, type WorkerProcess } from './worker-process.ts';
import type { WorkerProgramSettings } from './worker-program.ts';

/** A real campaign setup: redis-server, the mock Cerebras server, a results folder, worker processes. */
export interface CampaignHarness {
  /** A temporary folder removed by `close()`: results, the execution log, anything else of the test. */
  readonly folder: string;
  readonly redis: LocalRedis;
  readonly client: Redis;
  readonly mock: MockCerebrasServer;
  readonly store: FilesystemResultsStore;
  readonly queue: Queue<CampaignJobData>;
  readonly plan: CampaignPlan;
  readonly workers: WorkerProcess[];
  submit(): ReturnType<typeof submitCampaign>;
  startWorker(overrides?: Partial<WorkerProgramSettings>): WorkerProcess;
  /** Polls until every job is completed or failed (a guard of 90 s, not a timing assertion). */
  settled(): Promise<{ completed: number; failed: number }>;
  /** The shared execution log. */
  executions(): Promise<ExecutionRecord[]>;
  close(): Promise<void>;
}

/** Starts the parts and submits nothing yet. */
export async function startCampaignHarness(options: {
  readonly spec: CampaignSpecInput;
  readonly steps: number;
  readonly mock?: MockCerebrasServerOptions;
  readonly worker?: Partial<WorkerProgramSettings>;
}): Promise<CampaignHarness> {
  const folder = await mkdtemp(join(tmpdir(), 'acpt-campaign-'));
  const redis = await startLocalRedis();
  const client = connectRedis(redis.url, 'worker');
  client.on('error', () => undefined); // reconnects after a restart; the tests look at outcomes
  const mock = await createMockCerebrasServer({ latency: { kind: 'fixed', ms: 100 }, ...options.mock });
  const spec = parseCampaignSpec(options.spec);
  const store = new FilesystemResultsStore(join(folder, 'results'));
  const queue = openCampaignQueue(client, spec.name);
  const workers: WorkerProcess[] = [];
  const logFile = join(folder, 'executions.jsonl');
  const harness: CampaignHarness = {
    folder,
    redis,
    client,
    mock,
    store,
    queue,
    plan: expandCampaign(spec),
    workers,
    submit: () => submitCampaign({ redis: client, spec, store }),
    startWorker(overrides = {}) {
      const worker = startWorkerProcess({
        redisUrl: redis.url,
        campaign: spec.name,
        resultsDir: store.root,
        mockUrl: mock.url,
        logFile,
        steps: options.steps,
        ...options.worker,
        ...overrides,
      });
      workers.push(worker);
      return worker;
    },
    async settled() {
      const deadline = Date.now() + 90_000;
      for (;;) {
        const counts = await queue.getJobCounts('completed', 'failed');
        const completed = counts.completed ?? 0;
        const failed = counts.failed ?? 0;
        if (completed + failed >= harness.plan.jobs.length) return { completed, failed };
        if (Date.now() > deadline) throw new Error(`campaign not settled: ${JSON.stringify(counts)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async executions() {
      const text = await readFile(logFile, 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as ExecutionRecord);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.kill()));
      await queue.close();
      client.disconnect();
      await mock.close();
      await redis.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Job outcomes the workers printed, by outcome. */
export function publications(workers: readonly WorkerProcess[]): { written: string[]; exists: string[] } {
  const lines = workers.flatMap((worker) => worker.lines).filter((line) => line['type'] === 'job-done');
  const of = (outcome: string): string[] =>
    lines.filter((line) => line['outcome'] === outcome).map((line) => String(line['jobId']));
  return { written: of('written').sort(), exists: of('exists').sort() };
}

/**
 * Checks that no job ran in two places at once: for each job, its executions (start → end/stop, or → the time its
 * process was killed) must not overlap. Returns the number of executions per job.
 */
export function executionsPerJob(
  records: readonly ExecutionRecord[],
  killedAt: ReadonlyMap<number, number>,
): Map<string, number> {
  const intervals = new Map<string, { pid: number; start: number; end: number }[]>();
  const open = new Map<string, { pid: number; start: number }>();
  for (const record of records) {
    const key = `${record.jobId}\0${record.pid}`;
    if (record.event === 'start') open.set(key, { pid: record.pid, start: record.atMs });
    else {
      const started = open.get(key);
      open.delete(key);
      if (started === undefined) throw new Error(`an end without a start: ${JSON.stringify(record)}`);
      const list = intervals.get(record.jobId) ?? [];
      list.push({ ...started, end: record.atMs });
      intervals.set(record.jobId, list);
    }
  }
  for (const [key, started] of open) {
    const jobId = key.split('\0')[0] as string;
    const end = killedAt.get(started.pid);
    if (end === undefined) throw new Error(`job ${jobId} never ended in live process ${started.pid}`);
    const list = intervals.get(jobId) ?? [];
    list.push({ ...started, end });
    intervals.set(jobId, list);
  }
  const counts = new Map<string, number>();
  for (const [jobId, list] of intervals) {
    list.sort((a, b) => a.start - b.start);
    for (let index = 1; index < list.length; index++) {
      const previous = list[index - 1] as { end: number };
      const current = list[index] as { start: number };
      if (current.start < previous.end) throw new Error(`job ${jobId} ran twice at once: ${JSON.stringify(list)}`);
    }
    counts.set(jobId, list.length);
  }
  return counts;
}
