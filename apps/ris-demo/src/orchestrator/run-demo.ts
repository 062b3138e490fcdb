import { join } from 'node:path';
import type { CerebrasLLMAdapter, Clock } from '@acpt/adapter';
import type { ResolvedPrice } from '@acpt/config';
import { createRunCostLog } from '../cost/run-cost.ts';
import type { DecisionSource } from '../experiment/decision-source.ts';
import { agentPolicyEntry, runBaselineEntries } from '../experiment/policy-entries.ts';
import { writeFileAtomic } from '../report/atomic-write.ts';
import { createFigureAccumulator, type FigureAccumulator } from '../report/figure-accumulator.ts';
import { renderHtmlReport } from '../report/html-report.ts';
import { createJsonLinesWriter } from '../report/json-lines-writer.ts';
import type { PolicySeriesData } from '../report/kpi-accumulator.ts';
import { createProgressBar, type ProgressStream } from '../report/progress-bar.ts';
import { buildReportModel } from '../report/report-builder.ts';
import { roadGeometry } from '../report/road-geometry.ts';
import {
  buildRunSummary,
  type PolicyEntry,
  type RunDescription,
  type RunStatus,
  type RunSummary,
} from '../report/run-summary.ts';
import { stableStringify } from '../report/stable-json.ts';
import { stepsCsv } from '../report/steps-csv.ts';
import { resolveScenario } from '../scenario/default-scenario.ts';
import type { ScenarioOverrides } from '../scenario/types.ts';
import { runAgentPolicy } from './agent-run.ts';
import type { Baseline } from './baseline-run.ts';

/** Everything one demo run needs. The LLM side (adapter and its clock) is built by the caller for the chosen mode. */
export interface DemoOptions {
  readonly run: RunDescription;
  /** Who decides in the agent run (see `decisionSource`). */
  readonly decisions: DecisionSource;
  readonly outDir: string;
  readonly scenario?: ScenarioOverrides;
  readonly adapter: Pick<CerebrasLLMAdapter, 'generateMany' | 'generateObject' | 'generateTemplated' | 'on'>;
  /** The adapter's clock: virtual in mock and replay modes. */
  readonly clock: Clock;
  /** Baselines run on the same seed and physics after the agent run. */
  readonly baselines: readonly Baseline[];
  /** Where the progress bar goes; none when absent. */
  readonly progress?: ProgressStream;
  /** Wall-clock milliseconds (only the HTML report shows wall time). @defaultValue `performance.now` */
  readonly wallClock?: () => number;
  /** Aborting it stops the run after the current step; the outputs then hold the completed steps, marked. */
  readonly signal?: AbortSignal;
  /** The price of the model the cost figures are labelled with (configured or built-in). */
  readonly price?: ResolvedPrice;
  /** The model id the requests name (priced in the cost figures; in mock mode no model decides). @defaultValue `run.model` */
  readonly modelId?: string;
  /** Extra top-level fields of `summary.json` (e.g. `provenance`), written after the run's own. */
  readonly extraSummary?: Readonly<Record<string, unknown>>;
}

/** What a run produced. */
export interface DemoResult {
  readonly summary: RunSummary;
  readonly files: {
    readonly steps: string;
    readonly stepsCsv: string;
    readonly summary: string;
    readonly report: string;
  };
  /** Wall time of the agent run and the baselines, ms. */
  readonly wallTimeMs: number;
  /** The error that stopped a failed run (its outputs were still written, marked `failed`). */
  readonly error?: unknown;
}

/**
 * Runs the agent pipeline for `run.steps` steps, writing one record per step to `steps.jsonl` as soon as the step is
 * done, then every baseline on the same seed for as many steps, then `steps.csv`, `summary.json` and the
 * self-contained `report.html`. Every file is written under a hidden partial name and renamed when complete, so a file
 * with a final name is never half-written. An interrupted (`signal`) or failed run still writes the completed steps,
 * with `status` `interrupted` or `failed` in the summary and the report. `steps.jsonl`, `steps.csv` and
 * `summary.json` hold no wall-clock values, so a mock-mode run is byte-for-byte reproducible.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { run, decisions } = options;
  const wallClock = options.wallClock ?? (() => performance.now());
  const started = wallClock();
  const files = {
    steps: join(options.outDir, 'steps.jsonl'),
    stepsCsv: join(options.outDir, 'steps.csv'),
    summary: join(options.outDir, 'summary.json'),
    report: join(options.outDir, 'report.html'),
  };
  const writer = createJsonLinesWriter(files.steps, { bufferBytes: 0, atomic: true });
  const scenarioConfig = resolveScenario(options.scenario);
  const figureAccumulator = (): FigureAccumulator =>
    createFigureAccumulator({
      steps: run.steps,
      vehicles: scenarioConfig.vehicleCount,
      timeStepS: scenarioConfig.timeStepS,
      road: scenarioConfig.road,
    });
  const figureData = new Map<string, FigureAccumulator>(
    [decisions.policy, ...options.baselines.map((baseline) => baseline.name)].map((name) => [
      name,
      figureAccumulator(),
    ]),
  );
  const bar = options.progress && createProgressBar({ total: run.steps, label: 'agents', stream: options.progress });
  const costLog = createRunCostLog(options.adapter);
  let agentRun: Awaited<ReturnType<typeof runAgentPolicy>>;
  try {
    agentRun = await runAgentPolicy({
      run,
      decisions,
      scenario: options.scenario,
      adapter: options.adapter,
      clock: options.clock,
      onRecord: (record) => writer.write(record),
      onStep: (outcome) => figureData.get(decisions.policy)?.add(outcome),
      shouldStop: () => options.signal?.aborted === true,
      progress: bar && {
        update: (done) => bar.update(done, `${Math.round((done * 1000) / Math.max(1, wallClock() - started))} steps/s`),
      },
    });
  } finally {
    writer.close();
    costLog.dispose();
  }
  bar?.finish(`${((wallClock() - started) / 1000).toFixed(2)} s`);
  const status: RunStatus = agentRun.stopped?.reason ?? 'complete';
  const policies: Record<string, PolicyEntry> = {
    [decisions.policy]: agentPolicyEntry(decisions, agentRun.kpis.summary(), run.coordinator),
  };
  const series: Record<string, PolicySeriesData> = { [decisions.policy]: agentRun.kpis.series };
  const baselines = runBaselineEntries({
    baselines: options.baselines,
    seed: run.seed,
    steps: agentRun.steps,
    scenario: options.scenario,
    weights: run.weights,
    coordinator: run.coordinator,
    onStep: (name, outcome) => figureData.get(name)?.add(outcome),
  });
  for (const [name, result] of baselines) {
    policies[name] = result.entry;
    series[name] = result.series;
  }
  const llm = agentRun.llm.llm();
  const summary = buildRunSummary({
    status,
    run,
    decisions,
    scenario: agentRun.scenario,
    policies,
    llm,
    agents: agentRun.llm.agents(),
    cost: costLog.summary({
      mode: run.mode,
      model: options.modelId ?? run.model,
      price: options.price,
      simulatedSeconds: agentRun.steps * agentRun.scenario.timeStepS,
    }),
  });
  const csv = stepsCsv({
    policies: series,
    timeStepS: agentRun.scenario.timeStepS,
    ...(llm.measured === null
      ? {}
      : { measuredLatency: { policy: decisions.policy, points: agentRun.llm.latencySeries } }),
  });
  writeFileAtomic(files.stepsCsv, csv);
  writeFileAtomic(files.summary, `${stableStringify({ ...summary, ...options.extraSummary }, 2)}\n`);
  const wallTimeMs = wallClock() - started;
  const model = buildReportModel(
    summary,
    {
      policies: series,
      figures: Object.fromEntries([...figureData].map(([name, accumulator]) => [name, accumulator.data()])),
      latencyMs: agentRun.llm.latencySeries,
      geometry: roadGeometry(agentRun.scenario),
    },
    wallTimeMs,
  );
  writeFileAtomic(files.report, renderHtmlReport(model));
  const error = agentRun.stopped?.reason === 'failed' ? { error: agentRun.stopped.error } : {};
  return { summary, files, wallTimeMs, ...error };
}
