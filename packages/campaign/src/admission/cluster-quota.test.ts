import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CampaignHarness, startCampaignHarness } from '../__fixtures__/campaign-harness.ts';
import type { WorkerProcess } from '../__fixtures__/worker-process.ts';
import { RedisAdmission } from './redis-admission.ts';

let harness: CampaignHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const RPM = 24;

/**
 * Four worker processes, 8 jobs × 5 model calls = 40 requests against a quota of 24 requests per minute: the quota
 * binds. The mock server and the admission share a clock shifted so that a minute ends a few seconds after the
 * workers are up, so the test sees a full window, a wait, and the next window without waiting a real minute.
 */
async function runFourWorkers(
  admission: 'redis' | 'local',
): Promise<{ harness: CampaignHarness; workers: WorkerProcess[] }> {
  let offset = 0;
  const started = await startCampaignHarness({
    spec: {
      name: `quota-${admission}`,
      scenarios: [{ name: 'synthetic' }],
      seeds: { from: 1, count: 8 },
      policies: ['llm'],
      attempts: 1,
    },
    steps: 5,
    mock: {
      rateLimits: { requestsPerMinute: RPM, tokensPerMinute: 40_000 },
      clock: { now: () => Date.now() + offset },
    },
    worker: { quota: { requestsPerMinute: RPM, tokensPerMinute: 40_000 }, admission },
  });
  harness = started;
  const clockOffsetFile = join(started.folder, 'clock-offset');
  await writeFile(clockOffsetFile, '0');
  const workers = [0, 1, 2, 3].map(() => started.startWorker({ clockOffsetFile }));
  await Promise.all(workers.map((worker) => worker.waitFor((line) => line['type'] === 'ready', 'ready')));
  // From now on, a minute (of the mock server and of the admission alike) ends in 4 s.
  offset = 60_000 - 4_000 - (Date.now() % 60_000);
  await writeFile(clockOffsetFile, String(offset));
  await started.submit();
  return { harness: started, workers };
}

async function rateLimited(workers: readonly WorkerProcess[]): Promise<number> {
  await Promise.all(workers.map((worker) => worker.stop()));
  return workers
    .flatMap((worker) => worker.lines)
    .filter((line) => line['type'] === 'closed')
    .reduce((sum, line) => {
      const byKind = (line['rateLimits'] as { byKind: Record<string, number> }).byKind;
      return sum + Object.values(byKind).reduce((total, count) => total + count, 0);
    }, 0);
}

describe('one quota for the cluster (4 worker processes, binding quota, mock server enforcing it)', () => {
  it('shares the budget: no self-inflicted 429, and the quota really held requests back', async () => {
    const { harness: setup, workers } = await runFourWorkers('redis');
    expect(await setup.settled()).toEqual({ completed: 8, failed: 0 });
    const stats = await new RedisAdmission({ redis: setup.client, prefix: 'acpt:admission:quota-redis' }).stats(
      'gpt-oss-120b',
    );
    expect(stats.admitted).toBe(40);
    expect(stats.refused).toBeGreaterThan(0);
    expect(stats.rejected).toBe(0);
    expect(await rateLimited(workers)).toBe(0);
  });

  it('control: the same workers each on their own overrun the quota and collect 429s', async () => {
    const { harness: setup, workers } = await runFourWorkers('local');
    const outcome = await setup.settled();
    expect(outcome.failed + (await rateLimited(workers))).toBeGreaterThan(0);
  });
});
