import { AcptConfigError } from '@acpt/config';
import type { FaultRule, MockLatencyModel, MockRateLimits } from '@acpt/transport-mock';
import { parseFaultSpec } from '@acpt/transport-mock';
import { parseDurationFlag, parseIntegerFlag, parseNumberFlag, parseUrlFlag } from '../cli/flag-values.ts';
import { type FlagValues, parseCommandLine, stringFlag } from '../cli/parse-command-line.ts';
import { UsageError } from '../cli/usage-error.ts';
import { buildFaultMix } from './fault-mix.ts';
import { DEFAULT_LATENCY_PROFILE, parseLatencyProfile } from './latency-profile.ts';
import { DEFAULT_QUOTA_SPEC, parseQuotaSpec } from './quota-spec.ts';

/** Where the mock server runs: a child process (its CPU apart from the driver's), this process, or elsewhere. */
export type ServerPlacement = 'child' | 'in-process' | 'external';

/** Everything `acpt loadtest` was asked to do, validated. */
export interface LoadtestOptions {
  /** Stop submitting after this many requests (unset with `--duration` alone). */
  readonly requests?: number;
  /** Stop submitting after this long, in ms. */
  readonly durationMs?: number;
  readonly concurrency: number;
  readonly ratePerSecond?: number;
  /** Fault rules given to the mock server (ignored with `--url`). */
  readonly faults: readonly FaultRule[];
  /** The `--faults` text, or how the default mix was built. */
  readonly faultDescription: string;
  readonly latency: MockLatencyModel;
  readonly latencyDescription: string;
  /** Quotas of the mock server (undefined: none, so no `x-ratelimit-*` headers on successes). */
  readonly quota: MockRateLimits | undefined;
  readonly quotaDescription: string;
  /** Share of requests sent with `stream()` (0–1). */
  readonly streamShare: number;
  /** `max_completion_tokens` of every request. */
  readonly maxTokens: number;
  readonly placement: ServerPlacement;
  /** The endpoint to drive with `--url`. */
  readonly url?: URL;
  /** acpt configuration file (budgets, retries, batching, circuit). */
  readonly configFile?: string;
  /** Directory for `loadtest-report.json`, `loadtest-report.md` and `loadtest-report.html`. */
  readonly outDir?: string;
  readonly settleTimeoutMs: number;
  /** Progress line interval, ms; 0 for none. */
  readonly progressIntervalMs: number;
  readonly seed: number;
  /**
   * `memory`: an in-process OTel SDK (spans counted, metrics read back as a witness); `env`: the SDK `startTelemetry`
   * configures from the `OTEL_*` variables (export to your backend); `off`: no instrumentation.
   */
  readonly telemetry: 'memory' | 'env' | 'off';
  readonly help: boolean;
}

const flags = {
  requests: { type: 'string' },
  duration: { type: 'string' },
  concurrency: { type: 'string' },
  rate: { type: 'string' },
  'fault-rate': { type: 'string' },
  faults: { type: 'string' },
  latency: { type: 'string' },
  quota: { type: 'string' },
  'stream-share': { type: 'string' },
  'max-tokens': { type: 'string' },
  url: { type: 'string' },
  'in-process': { type: 'boolean' },
  config: { type: 'string' },
  out: { type: 'string' },
  'settle-timeout': { type: 'string' },
  progress: { type: 'string' },
  seed: { type: 'string' },
  telemetry: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function faultsFrom(values: FlagValues, seed: number): { rules: FaultRule[]; description: string } {
  const spec = stringFlag(values, 'faults');
  const rateText = stringFlag(values, 'fault-rate');
  if (spec !== undefined && rateText !== undefined)
    throw new UsageError('give either --faults or --fault-rate, not both');
  if (spec !== undefined) {
    try {
      return { rules: parseFaultSpec(spec), description: spec };
    } catch (error) {
      if (!AcptConfigError.isInstance(error)) throw error;
      throw new UsageError(
        `--faults: ${error.issues.map((issue) => `${issue.message} in ${issue.received}`).join('; ')}`,
      );
    }
  }
  const rate = rateText === undefined ? 0.2 : parseNumberFlag('fault-rate', rateText, { min: 0, max: 1 });
  const rules = buildFaultMix({ rate, seed });
  return {
    rules,
    description: `${(rate * 100).toFixed(1)} % of attempts, evenly over ${rules.map((rule) => rule.kind).join(', ') || 'nothing'}`,
  };
}

function progressIntervalOf(text: string | undefined): number {
  if (text === 'off') return 0;
  return text === undefined ? 1000 : parseDurationFlag('progress', text);
}

/**
 * Parses `acpt loadtest` flags. Without `--requests` or `--duration` it runs 1,000 requests.
 *
 * @throws {UsageError} for an unknown flag or a bad value
 */
export function parseLoadtestOptions(args: readonly string[]): LoadtestOptions {
  const values = parseCommandLine('loadtest', args, flags);
  const text = (name: string): string | undefined => stringFlag(values, name);
  const seed =
    text('seed') === undefined ? 1 : parseIntegerFlag('seed', text('seed') as string, { min: 0, max: 2 ** 31 - 1 });
  const durationText = text('duration');
  const durationMs = durationText === undefined ? undefined : parseDurationFlag('duration', durationText);
  const requestsText = text('requests');
  const requests =
    requestsText !== undefined
      ? parseIntegerFlag('requests', requestsText, { min: 1, max: 100_000_000 })
      : durationMs === undefined
        ? 1000
        : undefined;
  const url = text('url') === undefined ? undefined : parseUrlFlag('url', text('url') as string);
  if (url !== undefined && values['in-process'] === true)
    throw new UsageError('--in-process starts a mock server; it cannot be combined with --url');
  const faults = faultsFrom(values, seed);
  const latencyDescription = text('latency') ?? DEFAULT_LATENCY_PROFILE;
  const telemetry = text('telemetry') ?? 'memory';
  if (telemetry !== 'memory' && telemetry !== 'env' && telemetry !== 'off') {
    throw new UsageError(`--telemetry must be memory, env or off, got "${telemetry}"`);
  }
  return {
    requests,
    durationMs,
    concurrency: parseIntegerFlag('concurrency', text('concurrency') ?? '64', { min: 1, max: 100_000 }),
    ratePerSecond:
      text('rate') === undefined
        ? undefined
        : parseNumberFlag('rate', text('rate') as string, { min: 0.001, max: 1_000_000 }),
    faults: faults.rules,
    faultDescription: faults.description,
    latency: parseLatencyProfile(latencyDescription, seed),
    latencyDescription,
    quota: parseQuotaSpec(text('quota') ?? DEFAULT_QUOTA_SPEC),
    quotaDescription: text('quota') ?? DEFAULT_QUOTA_SPEC,
    streamShare: parseNumberFlag('stream-share', text('stream-share') ?? '0.5', { min: 0, max: 1 }),
    maxTokens: parseIntegerFlag('max-tokens', text('max-tokens') ?? '32', { min: 1, max: 1_048_576 }),
    placement: url !== undefined ? 'external' : values['in-process'] === true ? 'in-process' : 'child',
    url,
    configFile: text('config'),
    outDir: text('out'),
    settleTimeoutMs:
      text('settle-timeout') === undefined
        ? 60_000
        : parseDurationFlag('settle-timeout', text('settle-timeout') as string),
    progressIntervalMs: progressIntervalOf(text('progress')),
    seed,
    telemetry,
    help: values.help === true,
  };
}
