import type { AdapterDiagnostics } from '@acpt/adapter';
import type { AccountingResult, SettlementCounts, WitnessCounts } from './accounting.ts';
import type { LatencySummary } from './latency-histogram.ts';
import type { LoadtestCost } from './loadtest-cost.ts';
import type { ServerPlacement } from './loadtest-options.ts';
import type { ExportOutcome, TelemetryWitness } from './loadtest-telemetry.ts';
import type { MemorySummary } from './memory-sampler.ts';
import type { ProgressSample } from './progress-timeline.ts';

/**
 * Everything a load test measured: written as `loadtest-report.json` and rendered as markdown and HTML. No secrets.
 */
export interface LoadtestReport {
  readonly tool: 'acpt loadtest';
  readonly startedAt: string;
  readonly finishedAt: string;
  /** What was asked. */
  readonly run: {
    readonly requests?: number;
    readonly durationMs?: number;
    readonly concurrency: number;
    readonly ratePerSecond?: number;
    readonly streamShare: number;
    readonly maxTokens: number;
    readonly seed: number;
    readonly faults: string;
    readonly latency: string;
    readonly server: ServerPlacement;
    readonly endpoint: string;
    readonly telemetry: 'memory' | 'env' | 'off';
  };
  /** The adapter settings that shape the result. */
  readonly config: {
    readonly model: string;
    readonly latencyBudgetMs: number;
    readonly latencyBudgetMode: 'soft' | 'hard';
    readonly maxRetries: number;
    readonly batchSize: number;
    readonly maxInFlight: number;
    readonly queueLimit: number;
    readonly circuitFailureThreshold: number;
    readonly circuitCooldownMs: number;
    readonly fallback: 'mock' | 'throw';
    readonly connections: number;
    readonly headersTimeoutMs: number;
    readonly totalTimeoutMs: number;
  };
  /** Wall time until submission stopped, and until the last settlement. */
  readonly submitMs: number;
  readonly elapsedMs: number;
  readonly settleTimedOut: boolean;
  readonly throughput: {
    /** Settled requests per second over the whole run. */
    readonly settledPerSecond: number;
    /** Requests answered (live or fallback) per second. */
    readonly answeredPerSecond: number;
    /** Requests answered by the live path per second. */
    readonly livePerSecond: number;
  };
  readonly outcomes: SettlementCounts;
  /** Driver-measured latency from submission to settlement. */
  readonly latencyMs: {
    readonly all: LatencySummary;
    readonly succeeded: LatencySummary;
    readonly fellBack: LatencySummary;
    readonly failed: LatencySummary;
  };
  /** Driver-measured time to the first delta of streamed requests. */
  readonly timeToFirstTokenMs: LatencySummary;
  /** Rejections by acpt error code (`AbortError` for aborts, `untyped:<name>` otherwise). */
  readonly errorsByCode: Readonly<Record<string, number>>;
  /** Up to five untyped errors, for debugging. */
  readonly untypedErrorSamples: readonly string[];
  /** What the adapter reported (`diagnostics()`), plus events counted during the run. */
  readonly adapter: {
    readonly attempts: number;
    readonly retriesByReason: AdapterDiagnostics['retriesByReason'];
    readonly budgetBreaches: AdapterDiagnostics['budgetBreaches'];
    readonly fallbacksByReason: AdapterDiagnostics['fallbacksByReason'];
    readonly rateLimitsByKind: AdapterDiagnostics['rateLimits']['byKind'];
    readonly admissionWaits: number;
    /** `circuit-state` events to `open`. */
    readonly circuitOpenings: number;
    readonly circuitStateAtEnd: string;
    /** Fallbacks of requests that never made a live attempt (token admission or open circuit shed them). */
    readonly fallbacksWithoutLiveAttempt: number;
    readonly tokens: AdapterDiagnostics['tokens'];
    readonly latencyMs: AdapterDiagnostics['latencyMs'];
    readonly timeToFirstTokenMs: AdapterDiagnostics['timeToFirstTokenMs'];
    readonly microBatches: number;
  };
  /** What the run cost and what that figure is (absent in reports written before it was added). */
  readonly cost?: LoadtestCost;
  /** What the mock server counted (absent with `--url`). */
  readonly server?: { readonly chatRequests: number; readonly peakRssMiB?: number };
  /** What the in-memory OpenTelemetry pipeline saw (`--telemetry memory` only). */
  readonly telemetry?: TelemetryWitness;
  /** How the final export went (`--telemetry env` only). */
  readonly telemetryExport?: ExportOutcome;
  /** Memory of the driver process (adapter, transport, telemetry). */
  readonly memory: MemorySummary;
  /**
   * The driver's cumulative counts every 250 ms (thinned to at most 512 points), for the throughput timeline.
   * Absent in reports written before it was added.
   */
  readonly progress?: readonly ProgressSample[];
  readonly accounting: AccountingResult & { readonly witnesses: readonly WitnessCounts[] };
  readonly exitCode: number;
}
