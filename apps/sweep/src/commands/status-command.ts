import type { CliIo } from '../cli/cli-io.ts';
import { parseCommand, positional, redisUrlOf } from '../cli/common-options.ts';
import { openCampaign } from '../cli/open-campaign.ts';
import { collectCampaignStatus } from '../status/campaign-status.ts';
import { renderStatus } from '../status/render-status.ts';

/** Waits `ms` or until the signal fires. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** `sweep status NAME [--watch] [--json]`: one snapshot, or a live view redrawn every second until settled. */
export async function statusCommand(args: readonly string[], io: CliIo): Promise<number> {
  const command = parseCommand(args, { watch: { type: 'boolean' }, json: { type: 'boolean' } });
  const name = positional(command, 'the campaign name (sweep status NAME)');
  const campaign = await openCampaign(redisUrlOf(command, io), name);
  try {
    for (;;) {
      const status = await collectCampaignStatus({
        campaign: name,
        total: campaign.plan.jobs.length,
        queue: campaign.queue,
        redis: campaign.redis,
      });
      if (command.values['json'] === true) io.stdout.write(`${JSON.stringify(status)}\n`);
      else
        io.stdout.write(
          `${command.values['watch'] === true && io.stdout.isTTY ? '\u001b[2J\u001b[H' : ''}${renderStatus(status)}`,
        );
      const settled = status.counts.completed + status.counts.failed >= status.total;
      if (command.values['watch'] !== true || settled || io.signal.aborted) return 0;
      await pause(1_000, io.signal);
    }
  } finally {
    await campaign.close();
  }
}
