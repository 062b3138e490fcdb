import { AcptConfigError, canonicalJson } from '@acpt/config';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ResultsStore } from '../results/results-store.ts';
import type { CampaignSpec } from '../spec/campaign-spec-schema.ts';
import { type CampaignJobData, expandCampaign } from '../spec/expand-campaign.ts';

/** The BullMQ key prefix of every campaign queue. */
export const QUEUE_PREFIX = 'acpt';

/** The BullMQ queue of a campaign. */
export function campaignQueueName(campaign: string): string {
  return `campaign-${campaign}`;
}

/** The Redis key that holds a campaign's spec (as submitted, canonical JSON). */
export function campaignSpecKey(campaign: string): string {
  return `${QUEUE_PREFIX}:campaign:${campaign}:spec`;
}

/** Opens the BullMQ queue of a campaign on an existing connection (closing the queue leaves the connection open). */
export function openCampaignQueue(redis: Redis, campaign: string): Queue<CampaignJobData> {
  return new Queue<CampaignJobData>(campaignQueueName(campaign), { connection: redis, prefix: QUEUE_PREFIX });
}

/** What {@link submitCampaign} did. */
export interface SubmitOutcome {
  /** Jobs of the campaign. */
  readonly total: number;
  /** Jobs added now. */
  readonly added: number;
  /** Jobs already in the queue (any state), left as they are. */
  readonly queued: number;
  /** Jobs with a published result in the store, not queued again. */
  readonly done: number;
}

/**
 * Submits a campaign: stores its spec, then adds one job per (configuration, seed) with its deterministic id and the
 * campaign's attempts (exponential backoff between them). Submitting again adds nothing: a job id already in the
 * queue is left alone, and a job whose result is in the store is not queued again even if Redis lost it.
 *
 * @throws {AcptConfigError} when a different spec was already submitted under the same name
 */
export async function submitCampaign(options: {
  readonly redis: Redis;
  readonly spec: CampaignSpec;
  readonly store?: ResultsStore;
}): Promise<SubmitOutcome> {
  const { redis, spec, store } = options;
  const text = canonicalJson(spec);
  const stored = await redis.set(campaignSpecKey(spec.name), text, 'NX', 'GET');
  if (stored !== null && stored !== text) {
    throw new AcptConfigError([
      {
        path: '$.name',
        expected: 'a campaign name not yet used by a different campaign',
        received: JSON.stringify(spec.name),
        source: { kind: 'override' },
        message: `campaign "${spec.name}" was already submitted with a different spec; give this one a new name`,
      },
    ]);
  }
  const plan = expandCampaign(spec);
  const published = new Set(store === undefined ? [] : await store.list());
  const pending = plan.jobs.filter((job) => !published.has(job.id));
  const queue = openCampaignQueue(redis, spec.name);
  try {
    const states = await Promise.all(pending.map((job) => queue.getJobState(job.id)));
    const fresh = pending.filter((_, index) => states[index] === 'unknown');
    await queue.addBulk(
      fresh.map((job) => ({
        name: 'run',
        data: job.data,
        opts: {
          jobId: job.id,
          attempts: spec.attempts,
          backoff: { type: 'exponential', delay: 2_000 },
          removeOnComplete: false,
          removeOnFail: false,
        },
      })),
    );
    return {
      total: plan.jobs.length,
      added: fresh.length,
      queued: pending.length - fresh.length,
      done: plan.jobs.length - pending.length,
    };
  } finally {
    await queue.close();
  }
}

/** Reads the spec a campaign was submitted with, or `undefined`. */
export async function readCampaignSpec(redis: Redis, campaign: string): Promise<CampaignSpec | undefined> {
  const text = await redis.get(campaignSpecKey(campaign));
  return text === null ? undefined : (JSON.parse(text) as CampaignSpec);
}
