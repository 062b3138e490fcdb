import { resolve } from 'node:path';
import { connectRedis, describeRedisUrl, FilesystemResultsStore, submitCampaign } from '@acpt/campaign';
import type { CliIo } from '../cli/cli-io.ts';
import { parseCommand, positional, redisUrlOf, resultsDirOf } from '../cli/common-options.ts';
import { loadCampaign } from '../cli/load-campaign.ts';

/** `sweep submit SPEC`: validates the campaign and adds its jobs; again adds nothing. */
export async function submitCommand(args: readonly string[], io: CliIo): Promise<number> {
  const command = parseCommand(args, {});
  const file = resolve(io.cwd, positional(command, 'the campaign file (sweep submit SPEC)'));
  const url = redisUrlOf(command, io);
  const { spec, plan } = loadCampaign(file);
  const redis = connectRedis(url, 'command');
  redis.on('error', () => undefined);
  try {
    const outcome = await submitCampaign({
      redis,
      spec,
      plan,
      store: new FilesystemResultsStore(resultsDirOf(command, io)),
    });
    io.stdout.write(
      `campaign ${spec.name} on ${describeRedisUrl(url)}: ${plan.configurations.length} configurations x ` +
        `${plan.seeds.length} seeds = ${outcome.total} jobs; ${outcome.added} added, ${outcome.queued} already queued, ` +
        `${outcome.done} already done\n`,
    );
    return 0;
  } finally {
    redis.disconnect();
  }
}
