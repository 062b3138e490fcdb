import { type AdmissionStats, type CampaignJobData, RedisAdmission } from '@acpt/campaign';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** A running job and how far it got. */
export interface ActiveJob {
  readonly jobId: string;
  readonly progress: number;
  readonly attempt: number;
}

/** What `sweep status` shows. */
export interface CampaignStatus {
  readonly campaign: string;
  readonly paused: boolean;
  readonly total: number;
  readonly counts: {
    readonly waiting: number;
    readonly active: number;
    readonly delayed: number;
    readonly completed: number;
    readonly failed: number;
  };
  readonly active: readonly ActiveJob[];
  /** Jobs per minute over the last completions (measured from BullMQ's finish times) and the ETA it gives. */
  readonly rate: { readonly jobsPerMinute: number | null; readonly etaSeconds: number | null; readonly basis: string };
  /** The shared quota's counters (live requests only; mock-mode jobs do not ask the quota). */
  readonly quota: AdmissionStats | null;
  readonly failures: readonly { readonly jobId: string; readonly error: string; readonly attempts: number }[];
}

const RATE_WINDOW = 20;

/**
 * Reads a campaign's state from its BullMQ queue and the shared admission: counts by state, the running jobs with
 * their progress, the completion rate over the last 20 completions and the ETA it gives, quota counters and failures.
 */
export async function collectCampaignStatus(options: {
  readonly campaign: string;
  readonly total: number;
  readonly queue: Queue<CampaignJobData>;
  readonly redis: Redis;
  readonly model?: string;
  readonly now?: number;
}): Promise<CampaignStatus> {
  const { queue } = options;
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  const active = (await queue.getActive(0, 50)).map((job) => ({
    jobId: job.id ?? '?',
    progress: typeof job.progress === 'number' ? job.progress : 0,
    attempt: job.attemptsStarted,
  }));
  const completed = await queue.getCompleted(0, RATE_WINDOW - 1);
  const finishTimes = completed
    .map((job) => job.finishedOn ?? 0)
    .filter((time) => time > 0)
    .sort((a, b) => a - b);
  const done = counts.completed ?? 0;
  const failedCount = counts.failed ?? 0;
  const remaining = Math.max(0, options.total - done - failedCount);
  let jobsPerMinute: number | null = null;
  let etaSeconds: number | null = remaining === 0 ? 0 : null;
  const first = finishTimes[0];
  const last = finishTimes.at(-1);
  if (first !== undefined && last !== undefined && finishTimes.length >= 2 && last > first) {
    jobsPerMinute = ((finishTimes.length - 1) * 60_000) / (last - first);
    if (remaining > 0) etaSeconds = (remaining * 60) / jobsPerMinute;
  }
  const failures = (await queue.getFailed(0, 20)).map((job) => ({
    jobId: job.id ?? '?',
    error: job.failedReason ?? 'unknown error',
    attempts: job.attemptsMade,
  }));
  const admission = new RedisAdmission({ redis: options.redis, prefix: `acpt:admission:${options.campaign}` });
  const quota = await admission.stats(options.model ?? 'gpt-oss-120b');
  return {
    campaign: options.campaign,
    paused: await queue.isPaused(),
    total: options.total,
    counts: {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      completed: done,
      failed: failedCount,
    },
    active,
    rate: {
      jobsPerMinute,
      etaSeconds,
      basis: `measured: BullMQ finish times of the last ${finishTimes.length} completed jobs`,
    },
    quota: quota.admitted + quota.refused > 0 ? quota : null,
    failures,
  };
}
