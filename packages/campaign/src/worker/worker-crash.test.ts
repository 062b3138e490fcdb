import { afterEach, describe, expect, it } from 'vitest';
import {
  type CampaignHarness,
  executionsPerJob,
  publications,
  startCampaignHarness,
} from '../__fixtures__/campaign-harness.ts';

let harness: CampaignHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const spec = (name: string, count: number) => ({
  name,
  scenarios: [{ name: 'synthetic' }],
  seeds: { from: 1, count },
  policies: ['llm'],
  steps: 8,
});

describe('campaign workers (real processes, redis-server, mock Cerebras server)', () => {
  it('kill -9 of a worker mid-job: the stalled job goes to another worker and its result is written exactly once', async () => {
    harness = await startCampaignHarness({ spec: spec('kill-worker', 3), steps: 8 });
    await harness.submit();
    const first = harness.startWorker();
    const started = await first.waitFor((line) => line['type'] === 'job-start', 'a job start');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const killedAt = Date.now();
    await first.kill();
    const second = harness.startWorker();
    expect(await harness.settled()).toEqual({ completed: 3, failed: 0 });
    const jobIds = harness.plan.jobs.map((job) => job.id).sort();
    expect(publications([first, second]).written).toEqual(jobIds);
    expect(await harness.store.list()).toEqual(jobIds);
    const runs = executionsPerJob(await harness.executions(), new Map([[first.child.pid as number, killedAt]]));
    expect(runs.get(String(started['jobId']))).toBe(2);
    const summary = await harness.store.summary<{ pid: number }>(String(started['jobId']));
    expect(summary?.pid).toBe(second.child.pid);
    const job = await harness.queue.getJob(String(started['jobId']));
    expect(job?.returnvalue).toEqual(summary);
  });

  it('a worker that loses Redis stops its job before its lock expires: the job never runs twice at once', async () => {
    harness = await startCampaignHarness({ spec: spec('lost-redis', 1), steps: 20 });
    await harness.submit();
    const first = harness.startWorker();
    await first.waitFor((line) => line['type'] === 'job-start', 'the job start');
    const second = harness.startWorker();
    await second.waitFor((line) => line['type'] === 'ready', 'ready');
    harness.redis.freeze();
    await first.waitFor((line) => line['type'] === 'lease-lost', 'the lease loss');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    harness.redis.thaw();
    expect(await harness.settled()).toEqual({ completed: 1, failed: 0 });
    const records = await harness.executions();
    const runs = executionsPerJob(records, new Map());
    const jobId = harness.plan.jobs[0]?.id as string;
    expect(runs.get(jobId)).toBeGreaterThanOrEqual(2);
    expect(records.filter((record) => record.event === 'end')).toHaveLength(1);
    expect(publications([first, second]).written).toEqual([jobId]);
  });
});
