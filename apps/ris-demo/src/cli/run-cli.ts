import { AcptConfigError, AcptError, createPriceResolver } from '@acpt/config';
import { AGENTS } from '../agents/agent-definitions.ts';
import { createMockResponder } from '../agents/mock-responder.ts';
import { costRows } from '../cost/cost-rows.ts';
import { decisionSource } from '../experiment/decision-source.ts';
import { collectProvenance } from '../experiment/provenance.ts';
import { DEMO_BASELINES, ORACLE_BASELINE } from '../orchestrator/baseline-run.ts';
import { DEFAULT_KPI_WEIGHTS } from '../orchestrator/kpi-weights.ts';
import { runDemo } from '../orchestrator/run-demo.ts';
import { comparisonTable, decisionHeadline } from '../report/summary-tables.ts';
import { renderTextTable } from '../report/text-table.ts';
import type { ScenarioConfig, ScenarioOverrides } from '../scenario/scenario-config.ts';
import { scenarioJsonReplacer, scenarioToJson } from '../scenario/scenario-file.ts';
import { type CliIo, interruptedExitCode } from './cli-io.ts';
import { type CliScenario, formatScenarioIssues, resolveCliScenario } from './cli-scenario.ts';
import { CliUsageError } from './cli-usage-error.ts';
import { loadDemoConfig } from './demo-config.ts';
import { printEstimate } from './estimate-command.ts';
import { runGrid } from './grid-run.ts';
import { createLlmEnvironment } from './llm-environment.ts';
import { runExperimentCli } from './multi-seed-cli.ts';
import { type CliOptions, parseCliArgs, USAGE } from './parse-args.ts';
import { setUpTelemetry } from './telemetry-setup.ts';

/**
 * The demo's command line: parses the arguments, resolves the scenario, loads the configuration, then runs one seed
 * (agents, baselines and the oracle; `steps.jsonl`, `steps.csv`, `summary.json`, `report.html`), a grid of scenarios,
 * or, with `--seeds`, a multi-seed experiment on worker threads. Resolves with the exit code: 0 done, 1 failed
 * (configuration, model check, run), 2 usage error (bad flags, seed list, scenario, scenario file or grid: every
 * problem listed, nothing written), 130/143 interrupted by SIGINT/SIGTERM (finished work written and marked).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let cli: CliOptions;
  try {
    cli = parseCliArgs(argv, io.cwd);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr.write(`ris-demo: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (cli.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  let scenario: CliScenario;
  try {
    scenario = resolveCliScenario(cli);
  } catch (error) {
    if (!AcptConfigError.isInstance(error)) throw error;
    io.stderr.write(`ris-demo: ${formatScenarioIssues(error)}(--print-scenario shows the resolved defaults)\n`);
    return 2;
  }
  if (cli.printScenario) {
    io.stdout.write(scenario.grid === null ? scenarioToJson(scenario.scenario) : gridToJson(scenario.grid));
    return 0;
  }
  try {
    if (cli.estimate) return printEstimate(cli, scenario.overrides, io);
    return cli.seeds === undefined
      ? await runWithOptions(cli, scenario, argv, io)
      : await runExperimentCli(cli, scenario, argv, io);
  } catch (error) {
    const code = AcptError.isInstance(error) ? ` [${error.code}]` : '';
    io.stderr.write(`\nris-demo: ${(error as Error).message}${code}\n`);
    return 1;
  }
}

/** The grid's points for `--print-scenario --grid …`: parameters, label and resolved scenario of each. */
function gridToJson(points: NonNullable<CliScenario['grid']>): string {
  const entries = points.map((point) => ({
    parameters: point.parameters,
    label: point.label,
    scenario: point.scenario,
  }));
  return `${JSON.stringify({ points: entries }, scenarioJsonReplacer, 2)}\n`;
}

async function runWithOptions(
  cli: CliOptions,
  scenario: CliScenario,
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const config = loadDemoConfig({ cli, agentCount: AGENTS.length, env: io.env, cwd: io.cwd });
  const decisions = decisionSource(cli.mode, config.model);
  const run = {
    seed: cli.seed,
    steps: cli.steps,
    mode: cli.mode,
    model: decisions.model,
    batching: cli.batching,
    batchSize: config.batching.batchSize,
    onLlmFailure: cli.onLlmFailure,
    latencyBudgetMs: config.latencyBudget.ms,
    weights: cli.weights ?? DEFAULT_KPI_WEIGHTS,
    coordinator: cli.coordinator,
  };
  const llm = await createLlmEnvironment({
    mode: cli.mode,
    config,
    seed: cli.seed,
    responder: createMockResponder(),
    recordCassette: cli.recordCassette,
    replayCassette: cli.replayCassette,
  });
  const telemetry = await setUpTelemetry(cli.telemetry, llm.adapter, io.env);
  try {
    if (!cli.quiet) {
      io.stderr.write(
        `ris-demo: ${cli.steps} steps, seed ${cli.seed}, mode ${cli.mode} (${decisions.decidedBy}), ` +
          `${cli.batching} batching (size ${config.batching.batchSize}), coordinator ${cli.coordinator}, ` +
          `telemetry ${telemetry.description}\n`,
      );
    }
    const runOne = (overrides: ScenarioOverrides, resolved: ScenarioConfig, outDir: string, progress: boolean) =>
      runDemo({
        run,
        decisions,
        outDir,
        scenario: overrides,
        adapter: llm.adapter,
        clock: llm.clock,
        price: createPriceResolver({ configured: config.pricing, onWarning: () => {} }).priceOf(config.model),
        modelId: config.model,
        baselines: cli.oracle ? [...DEMO_BASELINES, ORACLE_BASELINE] : DEMO_BASELINES,
        progress: progress && !cli.quiet ? io.stderr : undefined,
        signal: io.signal,
        extraSummary: {
          provenance: collectProvenance({
            argv,
            resolved: { scenario: resolved, run, oracle: cli.oracle, model: config.model },
          }),
        },
      });
    if (scenario.grid !== null) {
      const grid = await runGrid({
        points: scenario.grid,
        outDir: cli.outDir,
        seed: cli.seed,
        runPoint: async (point, outDir) => (await runOne(point.overrides, point.scenario, outDir, false)).summary,
        onPoint: (point, total) => {
          if (!cli.quiet) io.stderr.write(`grid point ${point.index + 1}/${total}: ${point.label}\n`);
        },
      });
      if (!cli.quiet) io.stdout.write(`wrote ${grid.file} (${scenario.grid.length} points)\n`);
      return io.signal?.aborted === true ? interruptedExitCode(io.signal) : 0;
    }
    const result = await runOne(scenario.overrides, scenario.scenario, cli.outDir, true);
    if (!cli.quiet) {
      const table = comparisonTable(result.summary);
      io.stdout.write(`\n${renderTextTable(table.columns, table.rows)}\n\n${decisionHeadline(result.summary)}\n`);
      for (const [name, value] of costRows(result.summary.cost)) io.stdout.write(`${name}: ${value}\n`);
      io.stdout.write(
        `wrote ${result.files.steps}\n      ${result.files.stepsCsv}\n      ${result.files.summary}\n      ${result.files.report}\n`,
      );
    }
    if (result.error !== undefined) throw result.error;
    if (result.summary.status === 'interrupted') {
      io.stderr.write(
        `ris-demo: interrupted after ${result.summary.policies[decisions.policy]?.kpis.steps ?? 0} of ${cli.steps} steps; ` +
          `the outputs hold those steps and say status "interrupted"\n`,
      );
      return interruptedExitCode(io.signal);
    }
    return 0;
  } finally {
    await llm.close();
    await telemetry.shutdown();
  }
}
