import type { Environment } from '../cli/environment.ts';
import { checkAccounting, type SettlementCounts, type WitnessCounts } from './accounting.ts';
import { countAdapterEvents, diagnosticsWitness } from './adapter-witness.ts';
import { buildLoadtestReport } from './build-loadtest-report.ts';
import { driveLoad } from './load-driver.ts';
import type { LoadtestOptions } from './loadtest-options.ts';
import type { LoadtestReport } from './loadtest-report.ts';
import { setUpLoadtest } from './loadtest-setup.ts';
import { startEnvTelemetry, startLoadtestTelemetry, type TelemetryWitness } from './loadtest-telemetry.ts';
import { MemorySampler } from './memory-sampler.ts';
import { isTypedError, OutcomeTally } from './outcome-tally.ts';
import { type ProgressOutput, startProgress } from './progress-reporter.ts';
import { startProgressTimeline } from './progress-timeline.ts';
import { createRequestRunner } from './request-runner.ts';

/** Where a load test prints progress, and the signal that stops submission early (Ctrl-C). */
export interface LoadtestIo {
  readonly progress: ProgressOutput;
  readonly stopSignal?: AbortSignal;
  /** Environment for the configuration; `process.env` by default. */
  readonly env?: Environment;
}

function telemetryWitnesses(telemetry: TelemetryWitness | undefined): WitnessCounts[] {
  if (telemetry === undefined) return [];
  return [
    { name: 'telemetry spans', settled: telemetry.logicalSpans },
    {
      name: 'telemetry metrics',
      settled: telemetry.operations,
      failed: telemetry.failedOperations,
      fellBack: telemetry.fallbacks,
    },
  ];
}

/**
 * Runs one load test: starts the mock server (unless `--url`), drives the adapter over the real transport, waits
 * for every request (bounded), cross-checks the driver's counts with the adapter's diagnostics, its events and the
 * telemetry pipeline, and returns the report with its exit code (0 only when every request is accounted for, no
 * error was untyped and no rejection went unhandled).
 *
 * @throws {AcptConfigError} when the configuration is invalid
 */
export async function runLoadtest(options: LoadtestOptions, io: LoadtestIo): Promise<LoadtestReport> {
  let unhandledRejections = 0;
  const onUnhandled = (): void => {
    unhandledRejections += 1;
  };
  process.on('unhandledRejection', onUnhandled);
  const startedAt = new Date();
  const memory = new MemorySampler({ intervalMs: 250 });
  memory.start();
  try {
    const setup = await setUpLoadtest(options, io.env);
    const events = countAdapterEvents(setup.adapter);
    const telemetry = options.telemetry === 'memory' ? startLoadtestTelemetry(setup.adapter) : undefined;
    const exporting = options.telemetry === 'env' ? startEnvTelemetry(setup.adapter) : undefined;
    const runner = createRequestRunner({
      adapter: setup.adapter,
      streamShare: options.streamShare,
      maxTokens: options.maxTokens,
    });
    const tally = new OutcomeTally();
    const driver = driveLoad({
      runRequest: runner.run,
      isTypedError,
      concurrency: options.concurrency,
      ratePerSecond: options.ratePerSecond,
      maxRequests: options.requests,
      durationMs: options.durationMs,
      settleTimeoutMs: options.settleTimeoutMs,
      onSettle: (settlement) => tally.record(settlement),
    });
    io.stopSignal?.addEventListener('abort', () => driver.stop(), { once: true });
    const read = (): { counts: SettlementCounts; rssMiB: number } => ({
      counts: driver.snapshot(),
      rssMiB: memory.currentRssMiB(),
    });
    const stopProgress = startProgress({ intervalMs: options.progressIntervalMs, output: io.progress, read });
    const stopTimeline = startProgressTimeline({ intervalMs: 250, read });
    const result = await driver.done;
    stopProgress();
    const progress = stopTimeline();
    const diagnostics = setup.adapter.diagnostics();
    const telemetryWitness = await telemetry?.finish();
    const telemetryExport = await exporting?.finish();
    events.detach();
    const serverStats = await setup.close(result.settleTimedOut ? 'cancel' : 'drain');
    // Let rejections of promises abandoned during shutdown surface before counting them.
    await new Promise((resolve) => setImmediate(resolve));
    const witnesses = [diagnosticsWitness(diagnostics), events.witness(), ...telemetryWitnesses(telemetryWitness)];
    const accounting = checkAccounting({ own: result.counts, witnesses, unhandledRejections });
    return buildLoadtestReport({
      options,
      startedAt,
      config: setup.config,
      endpoint: setup.endpoint,
      result,
      tally,
      timeToFirstToken: runner.timeToFirstToken.summary(),
      diagnostics,
      circuitOpenings: events.circuitOpenings,
      fallbacksWithoutLiveAttempt: events.fallbacksWithoutLiveAttempt,
      serverStats,
      telemetry: telemetryWitness,
      telemetryExport,
      memory: memory.stop(),
      progress,
      accounting: { ...accounting, witnesses },
      pricing: {
        price: setup.priceOfModel(),
        againstMockServer: setup.againstMockServer,
        warnings: setup.pricingWarnings,
      },
    });
  } finally {
    memory.stop();
    process.off('unhandledRejection', onUnhandled);
  }
}
