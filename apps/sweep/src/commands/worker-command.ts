import { connectRedis, describeRedisUrl, FilesystemResultsStore, startCampaignWorker } from '@acpt/campaign';
import type { CliIo } from '../cli/cli-io.ts';
import { integerFlag, parseCommand, redisUrlOf, resultsDirOf } from '../cli/common-options.ts';
import { UsageError } from '../cli/usage-error.ts';
import { createRisJobRunner } from '../runner/ris-job-runner.ts';

/**
 * `sweep worker --campaign NAME`: runs the campaign's jobs until SIGINT/SIGTERM (then finishes the running ones).
 * Prints one JSON line per event (job start, done, failed, lease lost, Redis errors), never the Redis password.
 */
export async function workerCommand(args: readonly string[], io: CliIo): Promise<number> {
  const command = parseCommand(args, {
    campaign: { type: 'string' },
    concurrency: { type: 'string' },
    'lock-ms': { type: 'string' },
    'stalled-ms': { type: 'string' },
  });
  const campaign = command.values['campaign'];
  if (typeof campaign !== 'string' || campaign === '') throw new UsageError('give the campaign with --campaign NAME');
  const url = redisUrlOf(command, io);
  const concurrency = integerFlag(command, 'concurrency', 1, 1, 256);
  const lockDurationMs = integerFlag(command, 'lock-ms', 30_000, 1_000, 600_000);
  const stalledIntervalMs = integerFlag(command, 'stalled-ms', 30_000, 500, 600_000);
  const print = (line: Record<string, unknown>): void => {
    io.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), pid: process.pid, ...line })}\n`);
  };
  const redis = connectRedis(url, 'worker');
  const worker = startCampaignWorker({
    redis,
    campaign,
    store: new FilesystemResultsStore(resultsDirOf(command, io)),
    run: createRisJobRunner(),
    concurrency,
    lockDurationMs,
    stalledIntervalMs,
    onEvent: (event) => print(event),
  });
  worker.worker.on('ready', () => print({ type: 'ready', campaign, redis: describeRedisUrl(url), concurrency }));
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  print({ type: 'closing' });
  await worker.close();
  redis.disconnect();
  print({ type: 'closed' });
  return 0;
}
