/**
 * Runs a parameter grid (`--grid`): one demo run per point, each in its own sub-folder `<out>/<label>/` with the
 * usual `steps.jsonl`, `summary.json` and `report.html`, then `<out>/grid-summary.json`: the axes and, per point, the
 * swept parameters' values and every policy's KPIs, so a KPI can be charted against a swept parameter. One seed per
 * point for now (the seed of the run); the points share the seed, so they differ only by the swept parameters.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderGridReport } from '../report/grid-report.ts';
import { gridReportInput } from '../report/grid-report-input.ts';
import type { DecisionClock } from '../report/report-labels.ts';
import type { PolicyResult, RunSummary } from '../report/run-summary.ts';
import { stableStringify } from '../report/stable-json.ts';
import type { GridAxis, GridPoint, GridValue } from '../scenario/scenario-grid.ts';

/** How each run mode's decision latencies are obtained, for the grid report's labels. */
const DECISION_CLOCK: Readonly<Record<RunSummary['run']['mode'], DecisionClock>> = {
  mock: 'virtual',
  live: 'wall',
  replay: 'recorded',
};

/** Version of the `grid-summary.json` layout. */
export const GRID_SUMMARY_SCHEMA_VERSION = 1;

/** `grid-summary.json`. */
export interface GridSummary {
  readonly schemaVersion: typeof GRID_SUMMARY_SCHEMA_VERSION;
  /** The swept parameters in axis order, with their values in the order given. */
  readonly axes: readonly GridAxis[];
  readonly seeds: readonly number[];
  /** One entry per point, row-major (the last axis varies fastest). */
  readonly points: readonly {
    readonly index: number;
    readonly label: string;
    readonly parameters: Readonly<Record<string, GridValue>>;
    /** The point's output folder, relative to the grid's. */
    readonly outDir: string;
    /** KPIs per policy at this point. */
    readonly policies: Readonly<Record<string, PolicyResult>>;
  }[];
}

/** The axes of a grid, recovered from its points (in axis order, values in first-seen order). */
export function gridAxes(points: readonly GridPoint[]): GridAxis[] {
  const names = Object.keys(points[0]?.parameters ?? {});
  return names.map((name) => ({ name, values: [...new Set(points.map((point) => point.parameters[name]!))] }));
}

/**
 * Runs every point with `runPoint(point, folder)` in order and writes `grid-summary.json` and `grid-report.html`
 * (every KPI against the swept parameters) into `outDir`, each to a temporary name, then renamed, so a
 * complete-looking file is never half-written.
 */
export async function runGrid(options: {
  readonly points: readonly GridPoint[];
  readonly outDir: string;
  readonly seed: number;
  readonly runPoint: (point: GridPoint, outDir: string) => Promise<RunSummary>;
  readonly onPoint?: (point: GridPoint, total: number) => void;
}): Promise<{ readonly summary: GridSummary; readonly file: string }> {
  const { points, outDir } = options;
  mkdirSync(outDir, { recursive: true });
  const entries: GridSummary['points'][number][] = [];
  let run: RunSummary['run'] | undefined;
  for (const point of points) {
    options.onPoint?.(point, points.length);
    const result = await options.runPoint(point, join(outDir, point.label));
    run ??= result.run;
    entries.push({
      index: point.index,
      label: point.label,
      parameters: point.parameters,
      outDir: point.label,
      policies: result.policies,
    });
  }
  const summary: GridSummary = {
    schemaVersion: GRID_SUMMARY_SCHEMA_VERSION,
    axes: gridAxes(points),
    seeds: [options.seed],
    points: entries,
  };
  const file = join(outDir, 'grid-summary.json');
  writeFileSync(`${file}.partial`, `${stableStringify(summary, 2)}\n`);
  renameSync(`${file}.partial`, file);
  if (run !== undefined) {
    const report = join(outDir, 'grid-report.html');
    const decisions = { clock: DECISION_CLOCK[run.mode], model: run.model };
    writeFileSync(`${report}.partial`, renderGridReport(gridReportInput(summary, { steps: run.steps, decisions })));
    renameSync(`${report}.partial`, report);
  }
  return { summary, file };
}
