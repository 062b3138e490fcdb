import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CerebrasLLMAdapter, Clock } from '@acpt/adapter';
import type { ResolvedPrice } from '@acpt/config';
import { AGENTS } from '../agents/agent-definitions.ts';
import { createRunCostLog } from '../cost/run-cost.ts';
import {
  createFigureAccumulator,
  type FigureAccumulator,
  type PolicyFigureData,
} from '../report/figure-accumulator.ts';
import { renderHtmlReport } from '../report/html-report.ts';
import { createJsonLinesWriter } from '../report/json-lines-writer.ts';
import { createKpiAccumulator, type PolicyKpiSummary, type PolicySeriesData } from '../report/kpi-accumulator.ts';
import { createLlmAccumulator } from '../report/llm-accumulator.ts';
import { createProgressBar, type ProgressStream } from '../report/progress-bar.ts';
import { buildReportModel } from '../report/report-builder.ts';
import { roadGeometry } from '../report/road-geometry.ts';
import { buildRunSummary, LLM_POLICY, type RunDescription, type RunSummary } from '../report/run-summary.ts';
import { stableStringify } from '../report/stable-json.ts';
import { createSimulation } from '../scenario/create-simulation.ts';
import type { ScenarioOverrides } from '../scenario/types.ts';
import { runAgentStep } from './agent-step.ts';
import { type Baseline, runBaseline } from './baseline-run.ts';
import { createLlmCallLog } from './llm-call-log.ts';

/** Everything one demo run needs. The LLM side (adapter and its clock) is built by the caller for the chosen mode. */
export interface DemoOptions {
  readonly run: RunDescription;
  readonly outDir: string;
  readonly scenario?: ScenarioOverrides;
  readonly adapter: Pick<CerebrasLLMAdapter, 'generateObject' | 'generateTemplated' | 'on'>;
  /** The adapter's clock: virtual in mock and replay modes. */
  readonly clock: Clock;
  /** Baselines run on the same seed and physics after the agent run. */
  readonly baselines: readonly Baseline[];
  /** Where the progress bar goes; none when absent. */
  readonly progress?: ProgressStream;
  /** The price of `run.model` the cost figures are labelled with (configured or built-in). */
  readonly price?: ResolvedPrice;
  /** Wall-clock milliseconds (only the HTML report shows wall time). @defaultValue `performance.now` */
  readonly wallClock?: () => number;
}

/** What a run produced. */
export interface DemoResult {
  readonly summary: RunSummary;
  readonly files: { readonly steps: string; readonly summary: string; readonly report: string };
  /** Wall time of the agent run and the baselines, ms. */
  readonly wallTimeMs: number;
}

/**
 * Runs the LLM-agent simulation for `run.steps` steps, writing one record per step to `steps.jsonl`, then every
 * baseline on the same seed, then `summary.json` and the self-contained `report.html`. `steps.jsonl` and
 * `summary.json` hold no wall-clock values, so a mock-mode run is byte-for-byte reproducible.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { run } = options;
  const wallClock = options.wallClock ?? (() => performance.now());
  const started = wallClock();
  mkdirSync(options.outDir, { recursive: true });
  const files = {
    steps: join(options.outDir, 'steps.jsonl'),
    summary: join(options.outDir, 'summary.json'),
    report: join(options.outDir, 'report.html'),
  };
  const simulation = createSimulation({ seed: run.seed, scenario: options.scenario });
  const writer = createJsonLinesWriter(files.steps);
  const callLog = createLlmCallLog(options.adapter);
  const costLog = createRunCostLog(options.adapter);
  const kpis = createKpiAccumulator(simulation.scenario.timeStepS);
  const llm = createLlmAccumulator();
  const figureAccumulator = (): FigureAccumulator =>
    createFigureAccumulator({
      steps: run.steps,
      vehicles: simulation.scenario.vehicleCount,
      timeStepS: simulation.scenario.timeStepS,
      road: simulation.scenario.road,
    });
  const agentFigures = figureAccumulator();
  const bar = options.progress && createProgressBar({ total: run.steps, label: 'agents', stream: options.progress });
  try {
    for (let step = 0; step < run.steps; step += 1) {
      const { record, outcome } = await runAgentStep({
        simulation,
        adapter: options.adapter,
        callLog,
        clock: options.clock,
        agents: AGENTS,
        weights: run.weights,
        batching: run.batching,
        onLlmFailure: run.onLlmFailure,
        budgetMs: run.latencyBudgetMs,
        seed: run.seed,
      });
      writer.write(record);
      kpis.add(outcome.stepIndex, outcome.kpis);
      llm.add(record);
      agentFigures.add(outcome);
      bar?.update(step + 1, `${Math.round(((step + 1) * 1000) / Math.max(1, wallClock() - started))} steps/s`);
    }
  } finally {
    writer.close();
    callLog.dispose();
    costLog.dispose();
  }
  bar?.finish(`${((wallClock() - started) / 1000).toFixed(2)} s`);
  const policies: Record<string, PolicyKpiSummary> = { [LLM_POLICY]: kpis.summary() };
  const series: Record<string, PolicySeriesData> = { [LLM_POLICY]: kpis.series };
  const figures: Record<string, PolicyFigureData> = { [LLM_POLICY]: agentFigures.data() };
  for (const baseline of options.baselines) {
    const baselineFigures = figureAccumulator();
    const result = runBaseline({
      baseline,
      seed: run.seed,
      steps: run.steps,
      scenario: options.scenario,
      onStep: (outcome) => baselineFigures.add(outcome),
    });
    policies[baseline.name] = result.summary();
    series[baseline.name] = result.series;
    figures[baseline.name] = baselineFigures.data();
  }
  const summary = buildRunSummary({
    run,
    scenario: simulation.scenario,
    policies,
    llm: llm.llm(),
    agents: llm.agents(),
    cost: costLog.summary({
      mode: run.mode,
      model: run.model,
      price: options.price,
      simulatedSeconds: run.steps * simulation.scenario.timeStepS,
    }),
  });
  writeFileSync(files.summary, `${stableStringify(summary, 2)}\n`);
  const wallTimeMs = wallClock() - started;
  const model = buildReportModel(
    summary,
    { policies: series, figures, latencyMs: llm.latencySeries, geometry: roadGeometry(simulation.scenario) },
    wallTimeMs,
  );
  writeFileSync(files.report, renderHtmlReport(model));
  return { summary, files, wallTimeMs };
}
