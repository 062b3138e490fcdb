import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { campaignQueueName, QUEUE_PREFIX } from '../queue/campaign-queue.ts';
import type { JobOutput, ResultsStore } from '../results/results-store.ts';
import type { CampaignJobData } from '../spec/expand-campaign.ts';
import { LeaseWatchdog } from './lease-watchdog.ts';

/** What a job runner gets besides the job's data. */
export interface JobRunContext {
  /** The job's id (`<configuration>-s<seed>`). */
  readonly jobId: string;
  /** 1 for the first try. */
  readonly attempt: number;
  /** Aborted when the job is cancelled, the worker closes, or its lease is lost: stop promptly. */
  readonly signal: AbortSignal;
  /**
   * Reports progress (0–100) to `sweep status`. Fire and forget: it never waits for Redis, so a job never hangs on a
   * progress report while Redis is unreachable (and stops at once when its lease is lost).
   */
  progress(percent: number): void;
}

/** Runs one job: one configuration on one seed, every policy. Returns what goes to the results store. */
export type JobRunner<TSummary> = (data: CampaignJobData, context: JobRunContext) => Promise<JobOutput<TSummary>>;

/** Something a worker reports, for logs and the live view. */
export type CampaignWorkerEvent =
  | { readonly type: 'job-start'; readonly jobId: string; readonly attempt: number }
  | { readonly type: 'job-done'; readonly jobId: string; readonly outcome: 'written' | 'exists' | 'already-published' }
  | { readonly type: 'job-failed'; readonly jobId: string; readonly attempt: number; readonly error: string }
  | { readonly type: 'lease-lost'; readonly jobId: string; readonly silentMs: number }
  | { readonly type: 'error'; readonly error: string };

/** Options of {@link startCampaignWorker}. */
export interface CampaignWorkerOptions<TSummary> {
  /** A connection made with `connectRedis(url, 'worker')` (BullMQ duplicates it for its blocking reads). */
  readonly redis: Redis;
  readonly campaign: string;
  readonly store: ResultsStore;
  readonly run: JobRunner<TSummary>;
  /** Jobs run in parallel by this process. @defaultValue 1 */
  readonly concurrency?: number;
  /** BullMQ lock duration: how long a silent worker keeps its job. @defaultValue 30000 */
  readonly lockDurationMs?: number;
  /** How often stalled jobs (lock expired) are looked for and handed over. @defaultValue 30000 */
  readonly stalledIntervalMs?: number;
  /** Hand-overs of one job before it counts as failed. @defaultValue 5 */
  readonly maxStalledCount?: number;
  /** Worker name stored on each job. */
  readonly name?: string;
  readonly onEvent?: (event: CampaignWorkerEvent) => void;
}

/** A running campaign worker. */
export interface CampaignWorker {
  readonly worker: Worker<CampaignJobData, unknown>;
  /** Stops taking jobs, waits for the running ones (or aborts them with `force`), and closes. */
  close(force?: boolean): Promise<void>;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Starts a BullMQ worker on a campaign's queue. Each job: if the store already has its result (a hand-over after
 * the first worker published but before BullMQ recorded it), that result is returned; otherwise the runner runs with
 * a signal that also fires when the job's lease is lost (see {@link LeaseWatchdog}), and its output is published
 * atomically, at most once. The job's summary becomes the BullMQ job's return value. A job that throws is retried up
 * to the campaign's attempts, then left failed with its error while the others go on.
 */
export function startCampaignWorker<TSummary>(options: CampaignWorkerOptions<TSummary>): CampaignWorker {
  const emit = options.onEvent ?? (() => undefined);
  const lockDurationMs = options.lockDurationMs ?? 30_000;
  const watchdog = new LeaseWatchdog({
    lockDurationMs,
    onLost: (jobId, silentMs) => emit({ type: 'lease-lost', jobId, silentMs }),
  });
  const processor = async (job: Job<CampaignJobData>, _token?: string, signal?: AbortSignal): Promise<unknown> => {
    const jobId = job.id as string;
    const published = await options.store.summary(jobId);
    if (published !== undefined) {
      emit({ type: 'job-done', jobId, outcome: 'already-published' });
      return published;
    }
    const attempt = job.attemptsMade + 1;
    emit({ type: 'job-start', jobId, attempt });
    const lease = watchdog.track(jobId);
    try {
      const combined = signal === undefined ? lease : AbortSignal.any([signal, lease]);
      const output = await options.run(job.data, {
        jobId,
        attempt,
        signal: combined,
        progress: (percent) => {
          job.updateProgress(percent).catch(() => undefined);
        },
      });
      if (!watchdog.holds(jobId)) throw lease.reason ?? new Error(`Job ${jobId} lost its lease before publishing`);
      const outcome = await options.store.publish(jobId, output);
      emit({ type: 'job-done', jobId, outcome });
      return outcome === 'written' ? output.summary : await options.store.summary(jobId);
    } catch (error) {
      emit({ type: 'job-failed', jobId, attempt, error: describe(error) });
      throw error;
    } finally {
      watchdog.untrack(jobId);
    }
  };
  const worker = new Worker<CampaignJobData, unknown>(campaignQueueName(options.campaign), processor, {
    connection: options.redis,
    prefix: QUEUE_PREFIX,
    concurrency: options.concurrency ?? 1,
    lockDuration: lockDurationMs,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 5,
    ...(options.name === undefined ? {} : { name: options.name }),
  });
  worker.on('locksRenewed', ({ jobIds }) => watchdog.renewed(jobIds));
  worker.on('error', (error) => emit({ type: 'error', error: describe(error) }));
  return {
    worker,
    async close(force = false) {
      watchdog.close();
      await worker.close(force);
    },
  };
}
