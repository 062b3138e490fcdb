import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import {
  collectCampaignResults,
  connectRedis,
  FilesystemResultsStore,
  startLocalRedis,
  submitCampaign,
} from '@acpt/campaign';
import type { CliIo } from '../cli/cli-io.ts';
import { integerFlag, parseCommand, positional } from '../cli/common-options.ts';
import { loadCampaign } from '../cli/load-campaign.ts';
import { openCampaign } from '../cli/open-campaign.ts';
import { buildCampaignReport } from '../report/campaign-report.ts';
import type { RisJobSummary } from '../runner/ris-job-summary.ts';
import { collectCampaignStatus } from '../status/campaign-status.ts';
import { renderStatus } from '../status/render-status.ts';
import { writeCampaignReport } from './report-command.ts';
import { pause } from './status-command.ts';

/**
 * `sweep local SPEC [--workers N] [--out DIR]`: the whole campaign on this machine with one command. Starts Debian's
 * `redis-server` on a free loopback port with its data (AOF) in `DIR/redis`, submits the campaign, starts N worker
 * processes (`sweep worker`), shows the live progress, writes the report to `DIR/report`, and stops everything.
 * Running it again resumes: finished jobs are kept in `DIR/results` and never redone.
 */
export async function localCommand(args: readonly string[], io: CliIo): Promise<number> {
  const command = parseCommand(args, {
    workers: { type: 'string' },
    out: { type: 'string' },
    concurrency: { type: 'string' },
  });
  const file = resolve(io.cwd, positional(command, 'the campaign file (sweep local SPEC)'));
  const workerCount = integerFlag(command, 'workers', 2, 1, 64);
  const concurrency = integerFlag(command, 'concurrency', 1, 1, 64);
  const { spec, plan } = loadCampaign(file);
  const out = resolve(io.cwd, (command.values['out'] as string | undefined) ?? `campaign-${spec.name}`);
  const results = join(out, 'results');
  const redisServer = await startLocalRedis({ directory: join(out, 'redis') });
  const workers: ChildProcess[] = [];
  try {
    const redis = connectRedis(redisServer.url, 'command');
    const outcome = await submitCampaign({ redis, spec, plan, store: new FilesystemResultsStore(results) }).finally(
      () => redis.disconnect(),
    );
    io.stdout.write(
      `local Redis ${redisServer.url} (data in ${join(out, 'redis')}); ${outcome.total} jobs: ${outcome.added} added, ` +
        `${outcome.done} already done; starting ${workerCount} worker processes\n`,
    );
    for (let index = 0; index < workerCount; index++) {
      const [program = process.execPath, ...prefix] = io.self;
      const child = spawn(
        program,
        [...prefix, 'worker', '--campaign', spec.name, '--concurrency', String(concurrency), '--results', results],
        { env: { ...io.env, ACPT_REDIS_URL: redisServer.url }, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      workers.push(child);
    }
    const campaign = await openCampaign(redisServer.url, spec.name);
    try {
      for (;;) {
        const status = await collectCampaignStatus({
          campaign: spec.name,
          total: plan.jobs.length,
          queue: campaign.queue,
          redis: campaign.redis,
        });
        io.stdout.write(`${io.stdout.isTTY ? '\u001b[2J\u001b[H' : ''}${renderStatus(status)}`);
        if (status.counts.completed + status.counts.failed >= status.total || io.signal.aborted) break;
        if (workers.every((child) => child.exitCode !== null)) throw new Error('every worker process exited');
        await pause(1_000, io.signal);
      }
      const collected = await collectCampaignResults<RisJobSummary>({
        plan,
        store: new FilesystemResultsStore(results),
        queue: campaign.queue,
      });
      const report = buildCampaignReport({
        campaign: spec.name,
        policies: spec.policies,
        steps: spec.steps,
        seeds: plan.seeds,
        results: collected,
      });
      for (const path of writeCampaignReport(join(out, 'report'), report)) io.stdout.write(`wrote ${path}\n`);
      return io.signal.aborted ? 130 : 0;
    } finally {
      await campaign.close();
    }
  } finally {
    await Promise.all(
      workers.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      ),
    );
    await redisServer.stop();
  }
}
