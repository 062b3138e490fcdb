import type { CerebrasConfig, ChatResponse, RateLimitState } from '@acpt/config';
import type { CerebrasTransport } from '@acpt/transport-cerebras';
import { type CheckRow, errorText, row } from './check-row.ts';

/** The latency row and the rate-limit state of the last sampled response. */
export interface LatencyResult {
  readonly row: CheckRow;
  readonly rateLimit?: RateLimitState;
}

/** Median of a non-empty list. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Sends `samples` tiny requests one after another (8 completion tokens each, one attempt, no retries) and compares
 * their latency with the configured budget: fail when the median is over it, warn when the slowest one is or the
 * median takes more than half of it.
 */
export async function checkLatency(
  transport: CerebrasTransport,
  config: CerebrasConfig,
  samples: number,
): Promise<LatencyResult> {
  const budget = config.latencyBudget.ms;
  const latencies: number[] = [];
  let last: ChatResponse | undefined;
  for (let index = 0; index < samples; index += 1) {
    const startedAt = performance.now();
    try {
      last = await transport.complete(
        { messages: [{ role: 'user', content: 'Reply with the word ok.' }], maxCompletionTokens: 8, temperature: 0 },
        { signal: AbortSignal.timeout(config.timeouts.totalMs) },
      );
    } catch (error) {
      return {
        row: row(
          'latency',
          'fail',
          `sample ${index + 1} of ${samples} failed: ${errorText(error)}`,
          'Fix the rows above first; then retry.',
        ),
      };
    }
    latencies.push(performance.now() - startedAt);
  }
  const middle = median(latencies);
  const slowest = Math.max(...latencies);
  const detail = `${samples} tiny requests: median ${middle.toFixed(0)} ms, slowest ${slowest.toFixed(0)} ms, budget ${budget} ms`;
  const result = (status: 'pass' | 'warn' | 'fail', fix?: string): LatencyResult => ({
    row: row('latency', status, detail, fix),
    rateLimit: last?.rateLimit,
  });
  const tuneFix =
    'Raise ACPT_LATENCY_BUDGET_MS, lower max_completion_tokens, or run closer to the endpoint; see the integration guide on budgets.';
  if (middle > budget) return result('fail', tuneFix);
  if (slowest > budget || middle > budget / 2) return result('warn', tuneFix);
  return result('pass');
}
