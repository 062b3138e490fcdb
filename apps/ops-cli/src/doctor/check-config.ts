import { describeConfigSource } from '@acpt/config';
import { type CheckRow, row } from './check-row.ts';
import type { DoctorConfig } from './load-doctor-config.ts';

/** Whether the configuration (file, environment, flags) is valid, apart from the key (its own row). */
export function checkConfig(loaded: DoctorConfig): CheckRow {
  if (loaded.otherIssues.length > 0) {
    const problems = loaded.otherIssues.map(
      (issue) => `${issue.path} (${describeConfigSource(issue.source)}): ${issue.message}`,
    );
    return row('config', 'fail', problems.join('; '), 'Fix the values named above in the config file or environment.');
  }
  const config = loaded.live ?? loaded.endpoint;
  if (config === undefined) return row('config', 'fail', 'the configuration did not load');
  return row(
    'config',
    'pass',
    `endpoint ${config.baseUrl}, model ${config.model}, latency budget ${config.latencyBudget.ms} ms (${config.latencyBudget.mode}), ` +
      `${config.retry.maxRetries} retries, fallback ${config.fallback}`,
  );
}
