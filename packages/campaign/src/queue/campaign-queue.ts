import { AcptConfigError, canonicalJson } from '@acpt/config';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ResultsStore } from '../results/results-store.ts';
import type { CampaignSpec } from '../spec/campaign-spec-schema.ts';
import { type CampaignJobData, type CampaignPlan, expandCampaign } from '../spec/expand-campaign.ts';

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

/** The Redis key that holds a campaign's plan (configurations and seeds, canonical JSON). */
export function campaignPlanKey(campaign: string): string {
  return `${QUEUE_PREFIX}:campaign:${campaign}:plan`;
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
  /** The expansion (with scenario files read); `expandCampaign(spec)` when absent. */
  readonly plan?: CampaignPlan;
  readonly store?: ResultsStore;
}): Promise<SubmitOutcome> {
  const { redis, spec, store } = options;
  const plan = options.plan ?? expandCampaign(spec);
  const stored = {
    spec: canonicalJson(spec),
    plan: canonicalJson({ configurations: plan.configurations, seeds: plan.seeds }),
  };
  for (const [what, key, text] of [
    ['spec', campaignSpecKey(spec.name), stored.spec],
    ['scenario files', campaignPlanKey(spec.name), stored.plan],
  ] as const) {
    const previous = await redis.set(key, text, 'NX', 'GET');
    if (previous === null || previous === text) continue;
    throw new AcptConfigError([
      {
        path: '$.name',
        expected: 'a campaign name not yet used by a different campaign',
        received: JSON.stringify(spec.name),
        source: { kind: 'override' },
        message: `campaign "${spec.name}" was already submitted with a different ${what}; give this one a new name`,
      },
    ]);
  }
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

/** Reads the plan a campaign was submitted with (configurations, seeds and the jobs they make), or `undefined`. */
export async function readCampaignPlan(redis: Redis, campaign: string): Promise<CampaignPlan | undefined> {
  const text = await redis.get(campaignPlanKey(campaign));
  if (text === null) return undefined;
  const { configurations, seeds } = JSON.parse(text) as Pick<CampaignPlan, 'configurations' | 'seeds'>;
  const spec = await readCampaignSpec(redis, campaign);
  const jobs = configurations.flatMap((configuration) =>
    seeds.map((seed) => ({
      id: `${configuration.id}-s${seed}`,
      data: { campaign, configuration, seed, steps: spec?.steps ?? 0, policies: spec?.policies ?? [] },
    })),
  );
  return { configurations, seeds, jobs };
}

/** Reads the spec a campaign was submitted with, or `undefined`. */
export async function readCampaignSpec(redis: Redis, campaign: string): Promise<CampaignSpec | undefined> {
  const text = await redis.get(campaignSpecKey(campaign));
  return text === null ? undefined : (JSON.parse(text) as CampaignSpec);
}
