import { AcptConfigError, AcptError, createPriceResolver } from '@acpt/config';
import { AGENTS } from '../agents/agent-definitions.ts';
import { createMockResponder } from '../agents/mock-responder.ts';
import { costRows } from '../cost/cost-rows.ts';
import { DEMO_BASELINES } from '../orchestrator/baseline-run.ts';
import { DEFAULT_KPI_WEIGHTS } from '../orchestrator/kpi-weights.ts';
import { runDemo } from '../orchestrator/run-demo.ts';
import type { ProgressStream } from '../report/progress-bar.ts';
import { comparisonTable } from '../report/summary-tables.ts';
import { renderTextTable } from '../report/text-table.ts';
import type { ScenarioOverrides } from '../scenario/scenario-config.ts';
import { scenarioJsonReplacer, scenarioToJson } from '../scenario/scenario-file.ts';
import { type CliScenario, formatScenarioIssues, resolveCliScenario } from './cli-scenario.ts';
import { CliUsageError } from './cli-usage-error.ts';
import { loadDemoConfig } from './demo-config.ts';
import { printEstimate } from './estimate-command.ts';
import { runGrid } from './grid-run.ts';
import { createLlmEnvironment } from './llm-environment.ts';
import { type CliOptions, parseCliArgs, USAGE } from './parse-args.ts';
import { setUpTelemetry } from './telemetry-setup.ts';

export { risShape } from '../scenario/ris-shape.ts';

/** Where the CLI reads and writes. */
export interface CliIo {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
  readonly env: NodeJS.ProcessEnv;
  /** Folder relative paths resolve against (pnpm's `INIT_CWD`: where the user ran the command). */
  readonly cwd: string;
}

/**
 * The demo's command line: parses the arguments, loads the configuration, builds the LLM side for the mode, runs the
 * agents and the baselines, writes `steps.jsonl`, `summary.json` and `report.html`, and prints a summary table.
 * Resolves with the exit code: 0 done, 1 failed (configuration, model check, run), 2 usage error (including an
 * invalid scenario, scenario file, scenario-size flag or grid: every problem listed, nothing written).
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
    return await runWithOptions(cli, scenario, io);
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

async function runWithOptions(cli: CliOptions, scenario: CliScenario, io: CliIo): Promise<number> {
  const config = loadDemoConfig({ cli, agentCount: AGENTS.length, env: io.env, cwd: io.cwd });
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
        `ris-demo: ${cli.steps} steps, seed ${cli.seed}, mode ${cli.mode}, model ${config.model}, ` +
          `${cli.batching} batching (size ${config.batching.batchSize}), telemetry ${telemetry.description}\n`,
      );
    }
    const runOne = (overrides: ScenarioOverrides, outDir: string, progress: boolean) =>
      runDemo({
        run: {
          seed: cli.seed,
          steps: cli.steps,
          mode: cli.mode,
          model: config.model,
          batching: cli.batching,
          batchSize: config.batching.batchSize,
          onLlmFailure: cli.onLlmFailure,
          latencyBudgetMs: config.latencyBudget.ms,
          weights: cli.weights ?? DEFAULT_KPI_WEIGHTS,
        },
        outDir,
        scenario: overrides,
        adapter: llm.adapter,
        clock: llm.clock,
        price: createPriceResolver({ configured: config.pricing, onWarning: () => {} }).priceOf(config.model),
        baselines: DEMO_BASELINES,
        progress: progress && !cli.quiet ? io.stderr : undefined,
      });
    if (scenario.grid !== null) {
      const grid = await runGrid({
        points: scenario.grid,
        outDir: cli.outDir,
        seed: cli.seed,
        runPoint: async (point, outDir) => (await runOne(point.overrides, outDir, false)).summary,
        onPoint: (point, total) => {
          if (!cli.quiet) io.stderr.write(`grid point ${point.index + 1}/${total}: ${point.label}\n`);
        },
      });
      if (!cli.quiet) io.stdout.write(`wrote ${grid.file} (${scenario.grid.length} points)\n`);
      return 0;
    }
    const result = await runOne(scenario.overrides, cli.outDir, true);
    if (!cli.quiet) {
      const table = comparisonTable(result.summary);
      io.stdout.write(`\n${renderTextTable(table.columns, table.rows)}\n\n`);
      for (const [name, value] of costRows(result.summary.cost)) io.stdout.write(`${name}: ${value}\n`);
      io.stdout.write(`wrote ${result.files.steps}\n      ${result.files.summary}\n      ${result.files.report}\n`);
    }
    return 0;
  } finally {
    await llm.close();
    await telemetry.shutdown();
  }
}
