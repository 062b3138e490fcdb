import type { CampaignStatus } from './campaign-status.ts';

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

function bar(fraction: number, width = 30): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** The status as text: progress bar, counts, rate and ETA (with their basis), quota use, running jobs, failures. */
export function renderStatus(status: CampaignStatus): string {
  const { counts } = status;
  const settled = counts.completed + counts.failed;
  const lines = [
    `campaign ${status.campaign}${status.paused ? ' (paused: sweep resume to go on)' : ''}`,
    `${bar(status.total === 0 ? 1 : settled / status.total)} ${settled}/${status.total} settled: ` +
      `${counts.completed} done, ${counts.failed} failed, ${counts.active} running, ${counts.waiting} waiting, ` +
      `${counts.delayed} waiting to retry`,
    status.rate.jobsPerMinute === null
      ? `rate: not enough completions yet${status.rate.etaSeconds === 0 ? '; nothing left' : ''}`
      : `rate: ${status.rate.jobsPerMinute.toPrecision(3)} jobs/min, ETA ${duration(status.rate.etaSeconds ?? 0)} ` +
        `(${status.rate.basis})`,
  ];
  if (status.quota !== null) {
    const quota = status.quota;
    lines.push(
      `quota (shared admission): ${quota.admitted} requests admitted, ${quota.refused} held back, ` +
        `${quota.rejected} 429s, ${quota.usedTokens} tokens used (API usage), ${quota.inFlight} in flight`,
    );
  } else lines.push('quota: no live request yet (mock-mode jobs do not use the Cerebras quota)');
  for (const job of status.active) lines.push(`  running ${job.jobId}: ${job.progress} % (attempt ${job.attempt})`);
  for (const failure of status.failures.slice(0, 5)) {
    lines.push(`  failed ${failure.jobId} after ${failure.attempts} attempts: ${failure.error}`);
  }
  return `${lines.join('\n')}\n`;
}
