import { AcptConfigError } from '@acpt/config';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CampaignHarness,
  executionsPerJob,
  publications,
  startCampaignHarness,
} from '../__fixtures__/campaign-harness.ts';
import { parseCampaignSpec } from '../spec/parse-campaign-spec.ts';
import { readCampaignPlan, submitCampaign } from './campaign-queue.ts';
import { collectCampaignResults } from './collect-results.ts';

let harness: CampaignHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('campaign queue (real redis-server, worker processes)', () => {
  it('submitting twice adds nothing; a different spec under the same name is refused; finished jobs are never redone', async () => {
    const spec = { name: 'twice', scenarios: [{ name: 'synthetic' }], seeds: [1, 2, 3], policies: ['llm'], steps: 2 };
    harness = await startCampaignHarness({ spec, steps: 2 });
    expect(await harness.submit()).toEqual({ total: 3, added: 3, queued: 0, done: 0 });
    expect(await harness.submit()).toEqual({ total: 3, added: 0, queued: 3, done: 0 });
    expect(await readCampaignPlan(harness.client, 'twice')).toEqual(harness.plan);
    const changed = parseCampaignSpec({ ...spec, steps: 3 });
    await expect(submitCampaign({ redis: harness.client, spec: changed })).rejects.toSatisfy(
      (error) => AcptConfigError.isInstance(error) && error.issues[0]?.path === '$.name',
    );
    const worker = harness.startWorker();
    expect(await harness.settled()).toEqual({ completed: 3, failed: 0 });
    // Even with the queue's history gone (a new Redis), the store says they are done.
    await harness.queue.obliterate({ force: true });
    expect(await harness.submit()).toEqual({ total: 3, added: 0, queued: 0, done: 3 });
    expect(publications([worker]).written).toHaveLength(3);
  });

  it('Redis killed and restarted mid-campaign: the campaign resumes with nothing lost and nothing done twice', async () => {
    harness = await startCampaignHarness({
      spec: { name: 'restart', scenarios: [{ name: 'synthetic' }], seeds: { from: 1, count: 6 }, policies: ['llm'] },
      steps: 4,
    });
    await harness.submit();
    const workers = [harness.startWorker(), harness.startWorker()];
    await workers[0]?.waitFor((line) => line['type'] === 'job-done', 'a finished job');
    await harness.redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await harness.redis.start();
    expect(await harness.settled()).toEqual({ completed: 6, failed: 0 });
    const jobIds = harness.plan.jobs.map((job) => job.id).sort();
    expect(await harness.store.list()).toEqual(jobIds);
    expect(publications(workers).written).toEqual(jobIds);
    executionsPerJob(await harness.executions(), new Map());
    for (const job of await harness.queue.getCompleted()) expect(job.returnvalue).toMatchObject({ jobId: job.id });
  });

  it('a job that fails every time is failed after its attempts, with its error, and the others go on', async () => {
    harness = await startCampaignHarness({
      spec: { name: 'poison', scenarios: [{ name: 'synthetic' }], seeds: [1, 2, 3], policies: ['llm'], attempts: 2 },
      steps: 2,
    });
    const poison = harness.plan.jobs[1]?.id as string;
    await harness.submit();
    harness.startWorker({ poison: [poison] });
    expect(await harness.settled()).toEqual({ completed: 2, failed: 1 });
    const [failed] = await harness.queue.getFailed();
    expect(failed?.id).toBe(poison);
    expect(failed?.attemptsMade).toBe(2);
    expect(failed?.failedReason).toMatch(/poison job .*: fails every time/);
    expect(await harness.store.list()).toEqual(
      harness.plan.jobs
        .map((job) => job.id)
        .filter((id) => id !== poison)
        .sort(),
    );
    const [results] = await collectCampaignResults({ plan: harness.plan, store: harness.store, queue: harness.queue });
    expect(results?.results.map((entry) => entry.seed)).toEqual([1, 3]);
    expect(results?.failed).toEqual([
      { jobId: poison, seed: 2, error: expect.stringMatching(/poison job/), attempts: 2 },
    ]);
    expect(results?.pending).toEqual([]);
  });
});
