import type { CerebrasConfigInput } from './cerebras-config.ts';
import { deepFreeze } from './deep-freeze.ts';

/** The names of the configuration presets. */
export type ConfigPresetName = 'interactive' | 'batch';

/**
 * Named starting points, applied above the defaults and below every other source (file, environment, overrides), so
 * each of their values can still be changed one by one. `loadConfig({ preset })` or `ACPT_PRESET` selects one.
 *
 * - `interactive`: agents in a loop that waits for each answer. The latency budget is the deadline (2 s, hard mode:
 *   a wait that cannot fit stops at once and the request falls back or fails), one retry, server-asked waits only
 *   while they fit, the circuit breaker sized for a noisy background (50 failures, 2 s cool-down), batch size 1.
 * - `batch`: offline jobs that must not lose work. A soft 60 s budget, a 5-minute deadline, 5 retries, server-asked
 *   waits up to a minute (a quota window), 256 requests in flight over 256 connections and a deep queue.
 */
export const CONFIG_PRESETS: Readonly<Record<ConfigPresetName, CerebrasConfigInput>> = deepFreeze({
  interactive: {
    latencyBudget: { ms: 2_000, mode: 'hard' },
    timeouts: { totalMs: 2_000, headersMs: 2_000 },
    retry: { maxRetries: 1, maxServerWaitMs: 2_000 },
    circuitBreaker: { failureThreshold: 50, cooldownMs: 2_000 },
    batching: { batchSize: 1, maxWaitMs: 0 },
  },
  batch: {
    latencyBudget: { ms: 60_000, mode: 'soft' },
    timeouts: { totalMs: 300_000 },
    retry: { maxRetries: 5, maxServerWaitMs: 60_000 },
    batching: { maxInFlight: 256, queueLimit: 100_000 },
    connection: { connections: 256 },
  },
});

/** The preset names, for messages and validation. */
export const CONFIG_PRESET_NAMES: readonly ConfigPresetName[] = Object.freeze(['interactive', 'batch']);

/** True when `name` names a preset. */
export function isConfigPresetName(name: string): name is ConfigPresetName {
  return (CONFIG_PRESET_NAMES as readonly string[]).includes(name);
}
