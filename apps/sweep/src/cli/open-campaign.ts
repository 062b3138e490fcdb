import {
  type CampaignJobData,
  type CampaignPlan,
  type CampaignSpec,
  connectRedis,
  describeRedisUrl,
  openCampaignQueue,
  readCampaignPlan,
  readCampaignSpec,
} from '@acpt/campaign';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { UsageError } from './usage-error.ts';

/** A submitted campaign opened for a command. */
export interface OpenCampaign {
  readonly redis: Redis;
  readonly queue: Queue<CampaignJobData>;
  readonly spec: CampaignSpec;
  readonly plan: CampaignPlan;
  close(): Promise<void>;
}

/**
 * Connects to Redis (failing fast) and reads a submitted campaign's spec and plan.
 *
 * @throws {UsageError} when no campaign of that name was submitted there
 */
export async function openCampaign(url: string, name: string): Promise<OpenCampaign> {
  const redis = connectRedis(url, 'command');
  redis.on('error', () => undefined);
  try {
    const spec = await readCampaignSpec(redis, name);
    const plan = await readCampaignPlan(redis, name);
    if (spec === undefined || plan === undefined) {
      throw new UsageError(`no campaign "${name}" was submitted to ${describeRedisUrl(url)}; run sweep submit first`);
    }
    const queue = openCampaignQueue(redis, name);
    return {
      redis,
      queue,
      spec,
      plan,
      async close() {
        await queue.close();
        redis.disconnect();
      },
    };
  } catch (error) {
    redis.disconnect();
    throw error;
  }
}
