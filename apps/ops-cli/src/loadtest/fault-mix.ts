import type { FaultKind, FaultRule } from '@acpt/transport-mock';

/** The faults the load test injects by default: the three 429s, 503, resets, truncated streams and slow headers. */
export const DEFAULT_FAULT_KINDS: readonly FaultKind[] = [
  'rate-limit-requests',
  'rate-limit-tokens',
  'rate-limit-queue',
  'service-unavailable',
  'connection-reset',
  'stream-truncated',
  'slow-headers',
];

/**
 * Spreads `rate` (0–1) evenly over `kinds`. The mock's schedule lets the first matching rule win, so the rules share
 * one seed and take cumulative thresholds: rule `i` fires for draws in `[i·p, (i+1)·p)`, making each kind exactly
 * `rate / kinds` of the attempts and all of them together exactly `rate` (in expectation; the draw is a seeded hash
 * of the request index, so the same run injects the same faults).
 */
export function buildFaultMix(options: {
  readonly rate: number;
  readonly kinds?: readonly FaultKind[];
  readonly seed: number;
  readonly slowHeadersMs?: number;
}): FaultRule[] {
  const kinds = options.kinds ?? DEFAULT_FAULT_KINDS;
  if (options.rate <= 0 || kinds.length === 0) return [];
  const share = options.rate / kinds.length;
  return kinds.map((kind, position) => ({
    kind,
    probability: Math.min(1, share * (position + 1)),
    seed: options.seed,
    ...(kind === 'slow-headers' && options.slowHeadersMs !== undefined ? { delayMs: options.slowHeadersMs } : {}),
  }));
}

/** Renders rules back in the compact `kind:p=…:seed=…` form (for the report). */
export function describeFaultRules(rules: readonly FaultRule[]): string {
  return rules
    .map((rule) => {
      const options = [
        rule.every === undefined ? undefined : `every=${rule.every}`,
        rule.at === undefined ? undefined : `at=${rule.at.join('/')}`,
        rule.probability === undefined ? undefined : `p=${Number(rule.probability.toFixed(6))}`,
        rule.seed === undefined ? undefined : `seed=${rule.seed}`,
        rule.delayMs === undefined ? undefined : `delay=${rule.delayMs}`,
      ].filter((option) => option !== undefined);
      return [rule.kind, ...options].join(':');
    })
    .join(',');
}
