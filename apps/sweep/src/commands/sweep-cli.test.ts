import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LocalRedis, startLocalRedis } from '@acpt/campaign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../__fixtures__/run-sweep.ts';
import type { CampaignReport } from '../report/campaign-report.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/local-campaign.json', import.meta.url));

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'acpt-sweep-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('sweep (real redis-server and worker processes)', () => {
  it('local: the documented example runs with one command and writes the report; run again, it redoes nothing', async () => {
    const out = join(folder, 'example');
    const first = await runSweep(['local', EXAMPLE, '--workers', '2', '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/12 jobs: 12 added, 0 already done; starting 2 worker processes/);
    const report = JSON.parse(await readFile(join(out, 'report', 'report.json'), 'utf8')) as CampaignReport;
    expect(report.configurations.map((entry) => entry.label)).toEqual([
      'default / mock',
      'dense[risElements=64] / mock',
      'dense[risElements=256] / mock',
    ]);
    for (const entry of report.configurations) {
      expect(entry.coverage).toBe(1);
      expect(entry.decisions?.label).toBe('scripted-agents (mock)');
      expect(entry.tokens.basis).toBe('mock estimate');
      expect(Object.keys(entry.statistics?.policies ?? {})).toEqual(
        expect.arrayContaining(['scripted-agents', 'oracle']),
      );
      expect(entry.statistics?.policies['scripted-agents']?.kpis.meanSumRateBps.n).toBe(4);
    }
    expect(await readFile(join(out, 'report', 'report.csv'), 'utf8')).toMatch(/^configuration,label,row,policy/);
    expect(await readFile(join(out, 'report', 'report.html'), 'utf8')).toContain('Cost versus coverage');
    const again = await runSweep(['local', EXAMPLE, '--workers', '1', '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/12 jobs: 0 added, 12 already done/);
  });

  describe('against a Redis of its own', () => {
    let redis: LocalRedis;
    beforeAll(async () => {
      redis = await startLocalRedis();
    });
    afterAll(async () => {
      await redis.stop();
    });

    it('submit, status, cancel and resume; submitting twice adds nothing', async () => {
      const env = { ACPT_REDIS_URL: redis.url, ACPT_RESULTS_DIR: join(folder, 'results') };
      expect((await runSweep(['submit', EXAMPLE], { env })).stdout).toMatch(/12 jobs; 12 added, 0 already queued/);
      expect((await runSweep(['submit', EXAMPLE], { env })).stdout).toMatch(/0 added, 12 already queued/);
      const status = JSON.parse((await runSweep(['status', 'local-example', '--json'], { env })).stdout);
      expect(status).toMatchObject({ total: 12, paused: false, counts: { waiting: 12, completed: 0 } });
      expect((await runSweep(['cancel', 'local-example'], { env })).code).toBe(0);
      expect(JSON.parse((await runSweep(['status', 'local-example', '--json'], { env })).stdout).paused).toBe(true);
      expect((await runSweep(['resume', 'local-example', '--retry-failed'], { env })).code).toBe(0);
      const text = (await runSweep(['status', 'local-example'], { env })).stdout;
      expect(text).toMatch(/^campaign local-example\n\[\.+\] 0\/12 settled/);
      expect(text).toContain('mock-mode jobs do not use the Cerebras quota');
    });

    it('user errors exit 2 with every problem and its JSON path, no stack, never the Redis password', async () => {
      const bad = join(folder, 'bad.json');
      await writeFile(
        bad,
        JSON.stringify({
          name: 'bad',
          scenarios: [{ name: 'x', set: { vehicles: 'many' } }],
          seeds: { from: 1, count: 0 },
          policies: ['llm'],
          adapter: [{ name: 'a', settings: { coordinator: 'maybe' } }],
        }),
      );
      const invalid = await runSweep(['submit', bad, '--redis', redis.url]);
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toContain('$.seeds.count');
      expect(invalid.stderr).not.toMatch(/\n\s+at /);
      await writeFile(
        join(folder, 'settings.json'),
        JSON.stringify({
          name: 'settings',
          scenarios: [{ name: 'x', set: { vehicles: 'many' } }],
          seeds: [1],
          policies: ['llm'],
          adapter: [{ name: 'a', settings: { coordinator: 'maybe' } }],
        }),
      );
      const both = await runSweep(['submit', join(folder, 'settings.json'), '--redis', redis.url]);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('$.adapter[0].settings.coordinator');
      await writeFile(
        join(folder, 'scenario.json'),
        JSON.stringify({
          name: 'scenario',
          scenarios: [{ name: 'x', set: { vehicles: 'many' } }],
          seeds: [1],
          policies: ['llm'],
        }),
      );
      const point = await runSweep(['submit', join(folder, 'scenario.json'), '--redis', redis.url]);
      expect(point.code).toBe(2);
      expect(point.stderr).toMatch(/configuration x \/ default: .*vehicles/);
      expect(point.stderr).toContain('$.policies[0]');
      const url = await runSweep(['status', 'x', '--redis', 'http://user:hunter2@example.com']);
      expect(url.code).toBe(2);
      expect(url.stderr).not.toContain('hunter2');
      expect((await runSweep(['status', 'x', '--redis', redis.url, '--bogus'])).code).toBe(2);
      const missing = await runSweep(['status', 'nothing-here', '--redis', redis.url]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/no campaign "nothing-here" was submitted/);
    });
  });
});
