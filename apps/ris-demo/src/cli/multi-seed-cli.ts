import { join } from 'node:path';
import { AGENTS } from '../agents/agent-definitions.ts';
import { type MultiSeedResult, runMultiSeed } from '../experiment/multi-seed.ts';
import type { MultiSeedSummary } from '../experiment/multi-seed-summary.ts';
import { collectProvenance } from '../experiment/provenance.ts';
import type { ExperimentJob } from '../experiment/run-job.ts';
import { DEFAULT_KPI_WEIGHTS } from '../orchestrator/kpi-weights.ts';
import { writeFileAtomic } from '../report/atomic-write.ts';
import { multiSeedTable } from '../report/multi-seed-table.ts';
import { stableStringify } from '../report/stable-json.ts';
import { renderTextTable } from '../report/text-table.ts';
import type { GridPoint } from '../scenario/scenario-grid.ts';
import { type CliIo, interruptedExitCode } from './cli-io.ts';
import type { CliScenario } from './cli-scenario.ts';
import { loadDemoConfig } from './demo-config.ts';
import { GRID_SUMMARY_SCHEMA_VERSION, gridAxes } from './grid-run.ts';
import type { CliOptions } from './parse-args.ts';

/**
 * `--seeds`: every policy on every seed (mock mode) on worker threads, then the comparison table with 95 % intervals
 * and the paired differences. Exit code 0 done, 1 when a seed failed, 130/143 when interrupted.
 */
export async function runExperimentCli(
  cli: CliOptions,
  cliScenario: CliScenario,
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const seeds = cli.seeds ?? [];
  const config = loadDemoConfig({ cli, agentCount: AGENTS.length, env: io.env, cwd: io.cwd });
  const scenario = cliScenario.overrides;
  const job: Omit<ExperimentJob, 'seed'> = {
    steps: cli.steps,
    scenario,
    weights: cli.weights ?? DEFAULT_KPI_WEIGHTS,
    coordinator: cli.coordinator,
    batching: cli.batching,
    oracle: cli.oracle,
    model: config.model,
    latencyBudgetMs: config.latencyBudget.ms,
  };
  if (!cli.quiet) {
    io.stderr.write(
      `ris-demo: ${seeds.length} seeds × ${cli.steps} steps, every policy on every seed (mock mode: scripted rules ` +
        `decide), coordinator ${cli.coordinator}, ${cli.threads ?? 'all'} worker threads\n`,
    );
  }
  const runSeeds = (overrides: typeof scenario, outDir: string, resolved: unknown) =>
    runMultiSeed({
      seeds,
      job: { ...job, scenario: overrides },
      outDir,
      threads: cli.threads,
      signal: io.signal,
      extraSummary: {
        provenance: collectProvenance({
          argv,
          resolved: { scenario: resolved, job: { ...job, scenario: overrides }, seeds },
        }),
      },
      onSeed: (seedResult, done) => {
        if (!cli.quiet) io.stderr.write(`  seed ${seedResult.seed}: ${seedResult.status} (${done}/${seeds.length})\n`);
      },
    });
  if (cliScenario.grid !== null)
    return runGridSeeds(
      cliScenario.grid,
      (point, outDir) => runSeeds(point.overrides, outDir, point.scenario),
      cli,
      io,
    );
  const result = await runSeeds(scenario, cli.outDir, cliScenario.scenario);
  const { summary } = result;
  if (!cli.quiet) {
    const table = multiSeedTable(summary);
    io.stdout.write(`\n${renderTextTable(table.columns, table.rows)}\n\n`);
    io.stdout.write(
      `${summary.seeds.completed.length} of ${seeds.length} seeds complete; means over seeds with 95 % t-intervals; ` +
        `Δ paired by seed (same channels for every policy)\n`,
    );
    io.stdout.write(
      `wrote ${result.files.summary}\n      ${result.files.perSeedCsv}\n      ${result.files.perSeedJson}\n`,
    );
  }
  if (summary.status === 'interrupted') {
    io.stderr.write(`ris-demo: interrupted; missing seeds: ${summary.seeds.missing.join(', ') || 'none'}\n`);
    return interruptedExitCode(io.signal);
  }
  if (summary.status === 'failed') {
    for (const failure of summary.seeds.failed)
      io.stderr.write(`ris-demo: seed ${failure.seed} failed: ${failure.error}\n`);
    return 1;
  }
  return 0;
}

/**
 * `--grid` with `--seeds`: every grid point's multi-seed experiment in `<out>/<point>/`, then `<out>/grid-summary.json`
 * with, per point, the swept parameters, the status and every policy's means with 95 % intervals and the paired
 * differences (the cross product of grid points and seeds).
 */
async function runGridSeeds(
  points: readonly GridPoint[],
  runPoint: (point: GridPoint, outDir: string) => Promise<MultiSeedResult>,
  cli: CliOptions,
  io: CliIo,
): Promise<number> {
  const entries: { readonly index: number; readonly label: string; readonly [field: string]: unknown }[] = [];
  let status: MultiSeedSummary['status'] = 'complete';
  for (const point of points) {
    if (io.signal?.aborted === true) break;
    if (!cli.quiet) io.stderr.write(`grid point ${point.index + 1}/${points.length}: ${point.label}\n`);
    const { summary } = await runPoint(point, join(cli.outDir, point.label));
    if (summary.status !== 'complete') status = summary.status;
    entries.push({
      index: point.index,
      label: point.label,
      parameters: point.parameters,
      outDir: point.label,
      status: summary.status,
      seeds: summary.seeds,
      policies: summary.policies,
      pairedDifferences: summary.pairedDifferences,
    });
  }
  if (io.signal?.aborted === true) status = 'interrupted';
  const file = join(cli.outDir, 'grid-summary.json');
  const gridSummary = {
    schemaVersion: GRID_SUMMARY_SCHEMA_VERSION,
    kind: 'grid-multi-seed',
    status,
    axes: gridAxes(points),
    seeds: cli.seeds ?? [],
    missingPoints: points
      .filter((point) => !entries.some((entry) => entry.index === point.index))
      .map((point) => point.label),
    points: entries,
  };
  writeFileAtomic(file, `${stableStringify(gridSummary, 2)}\n`);
  if (!cli.quiet)
    io.stdout.write(`wrote ${file} (${entries.length} of ${points.length} points × ${cli.seeds?.length ?? 0} seeds)\n`);
  if (status === 'interrupted') return interruptedExitCode(io.signal);
  return status === 'complete' ? 0 : 1;
}
