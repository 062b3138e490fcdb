import type { AdapterDiagnostics } from '@acpt/adapter';
import type { CerebrasConfig, ResolvedPrice } from '@acpt/config';
import { type AccountingResult, accountingExitCode, type WitnessCounts } from './accounting.ts';
import type { LatencySummary } from './latency-histogram.ts';
import type { LoadDriverResult } from './load-driver.ts';
import { buildLoadtestCost } from './loadtest-cost.ts';
import type { LoadtestOptions } from './loadtest-options.ts';
import type { LoadtestReport } from './loadtest-report.ts';
import type { ExportOutcome, TelemetryWitness } from './loadtest-telemetry.ts';
import type { MemorySummary } from './memory-sampler.ts';
import type { OutcomeTally } from './outcome-tally.ts';
import type { ProgressSample } from './progress-timeline.ts';
import type { MockServerStats } from './start-mock-server.ts';

/** The pieces of a finished run. */
export interface ReportInputs {
  readonly options: LoadtestOptions;
  readonly startedAt: Date;
  readonly config: CerebrasConfig;
  readonly endpoint: string;
  readonly result: LoadDriverResult;
  readonly tally: OutcomeTally;
  readonly timeToFirstToken: LatencySummary;
  readonly diagnostics: AdapterDiagnostics;
  readonly circuitOpenings: number;
  readonly fallbacksWithoutLiveAttempt: number;
  readonly serverStats: MockServerStats | undefined;
  readonly telemetry: TelemetryWitness | undefined;
  readonly telemetryExport: ExportOutcome | undefined;
  readonly memory: MemorySummary;
  readonly progress: readonly ProgressSample[];
  readonly accounting: AccountingResult & { readonly witnesses: readonly WitnessCounts[] };
  /** The price of the configured model at the end of the run, and the resolver's warnings. */
  readonly pricing: {
    readonly price: ResolvedPrice | undefined;
    readonly againstMockServer: boolean;
    readonly warnings: readonly string[];
  };
}

/** Assembles the report of a finished run. */
export function buildLoadtestReport(inputs: ReportInputs): LoadtestReport {
  const { options, config, result, diagnostics } = inputs;
  const counts = result.counts;
  const perSecond = (count: number): number => (result.elapsedMs > 0 ? (count * 1000) / result.elapsedMs : 0);
  return {
    tool: 'acpt loadtest',
    startedAt: inputs.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    run: {
      requests: options.requests,
      durationMs: options.durationMs,
      concurrency: options.concurrency,
      ratePerSecond: options.ratePerSecond,
      streamShare: options.streamShare,
      maxTokens: options.maxTokens,
      seed: options.seed,
      faults: options.placement === 'external' ? 'none injected (external endpoint)' : options.faultDescription,
      latency: options.placement === 'external' ? 'the endpoint’s own' : options.latencyDescription,
      server: options.placement,
      endpoint: inputs.endpoint,
      telemetry: options.telemetry,
    },
    config: {
      model: config.model,
      latencyBudgetMs: config.latencyBudget.ms,
      latencyBudgetMode: config.latencyBudget.mode,
      maxRetries: config.retry.maxRetries,
      batchSize: config.batching.batchSize,
      maxInFlight: config.batching.maxInFlight,
      queueLimit: config.batching.queueLimit,
      circuitFailureThreshold: config.circuitBreaker.failureThreshold,
      circuitCooldownMs: config.circuitBreaker.cooldownMs,
      fallback: config.fallback,
      connections: config.connection.connections,
      headersTimeoutMs: config.timeouts.headersMs,
      totalTimeoutMs: config.timeouts.totalMs,
    },
    submitMs: result.submitMs,
    elapsedMs: result.elapsedMs,
    settleTimedOut: result.settleTimedOut,
    throughput: {
      settledPerSecond: perSecond(counts.succeeded + counts.fellBack + counts.failed),
      answeredPerSecond: perSecond(counts.succeeded + counts.fellBack),
      livePerSecond: perSecond(counts.succeeded),
    },
    outcomes: counts,
    latencyMs: inputs.tally.latency(),
    timeToFirstTokenMs: inputs.timeToFirstToken,
    errorsByCode: inputs.tally.errorsByCode(),
    untypedErrorSamples: inputs.tally.untypedSamples(),
    adapter: {
      attempts: diagnostics.attempts,
      retriesByReason: diagnostics.retriesByReason,
      budgetBreaches: diagnostics.budgetBreaches,
      fallbacksByReason: diagnostics.fallbacksByReason,
      rateLimitsByKind: diagnostics.rateLimits.byKind,
      admissionWaits: diagnostics.rateLimits.admissionWaits,
      circuitOpenings: inputs.circuitOpenings,
      circuitStateAtEnd: diagnostics.circuit.state,
      fallbacksWithoutLiveAttempt: inputs.fallbacksWithoutLiveAttempt,
      tokens: diagnostics.tokens,
      latencyMs: diagnostics.latencyMs,
      timeToFirstTokenMs: diagnostics.timeToFirstTokenMs,
      microBatches: diagnostics.batching.microBatches,
    },
    cost: buildLoadtestCost({ model: config.model, diagnostics, ...inputs.pricing }),
    server:
      inputs.serverStats === undefined
        ? undefined
        : { chatRequests: inputs.serverStats.requestCount, peakRssMiB: inputs.serverStats.peakRssMiB },
    telemetry: inputs.telemetry,
    telemetryExport: inputs.telemetryExport,
    memory: inputs.memory,
    progress: inputs.progress,
    accounting: inputs.accounting,
    exitCode: accountingExitCode(inputs.accounting),
  };
}
