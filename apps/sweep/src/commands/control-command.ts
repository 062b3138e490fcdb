import type { CliIo } from '../cli/cli-io.ts';
import { parseCommand, positional, redisUrlOf } from '../cli/common-options.ts';
import { openCampaign } from '../cli/open-campaign.ts';

/**
 * `sweep cancel NAME` pauses the campaign's queue (workers take no new job; running ones finish and are kept);
 * `sweep resume NAME [--retry-failed]` resumes it, optionally moving failed jobs back to the queue.
 */
export async function controlCommand(action: 'cancel' | 'resume', args: readonly string[], io: CliIo): Promise<number> {
  const command = parseCommand(args, action === 'resume' ? { 'retry-failed': { type: 'boolean' } } : {});
  const name = positional(command, `the campaign name (sweep ${action} NAME)`);
  const campaign = await openCampaign(redisUrlOf(command, io), name);
  try {
    if (action === 'cancel') {
      await campaign.queue.pause();
      io.stdout.write(`campaign ${name} paused: no new job starts; sweep resume ${name} goes on\n`);
      return 0;
    }
    let retried = 0;
    if (command.values['retry-failed'] === true) {
      for (const job of await campaign.queue.getFailed(0, -1)) {
        await job.retry('failed');
        retried++;
      }
    }
    await campaign.queue.resume();
    io.stdout.write(`campaign ${name} resumed${retried > 0 ? `; ${retried} failed jobs queued again` : ''}\n`);
    return 0;
  } finally {
    await campaign.close();
  }
}
