/**
 * The scenario of a demo run from the command line: defaults < `--scenario FILE` < `--vehicles` / `--ris-elements`,
 * then `--grid` on top. Resolved and validated before anything is written; every problem of the file, the flags and
 * the grid is collected into one `AcptConfigError` (the CLI prints them all and exits 2).
 */
import { readFileSync } from 'node:fs';
import { AcptConfigError, type ConfigIssue } from '@acpt/config';
import { resolveScenario } from '../scenario/default-scenario.ts';
import { risShape } from '../scenario/ris-shape.ts';
import type { ScenarioConfig, ScenarioOverrides } from '../scenario/scenario-config.ts';
import { parseScenarioFile } from '../scenario/scenario-file.ts';
import { expandGrid, type GridPoint, mergeOverrides, parseGrid } from '../scenario/scenario-grid.ts';
import type { CliOptions } from './parse-args.ts';

/** The resolved scenario of a run, and its grid points when `--grid` is given. */
export interface CliScenario {
  /** Overrides of the default scenario from the file and the flags (what `runDemo` takes). */
  readonly overrides: ScenarioOverrides;
  readonly scenario: ScenarioConfig;
  /** The grid's points (each with its own overrides and scenario); null without `--grid`. */
  readonly grid: readonly GridPoint[] | null;
}

const FLAG_PATHS: Readonly<Record<string, string>> = {
  'scenario.vehicleCount': '--vehicles',
  'scenario.ris.rows': '--ris-elements',
  'scenario.ris.columns': '--ris-elements',
};

function issuesOf(error: unknown): readonly ConfigIssue[] {
  if (AcptConfigError.isInstance(error)) return error.issues;
  throw error;
}

/**
 * Resolves the scenario (and grid) the command line asks for.
 * @throws {AcptConfigError} With every problem found (unreadable or invalid file, out-of-range flags, bad grid).
 */
export function resolveCliScenario(
  cli: Pick<CliOptions, 'scenarioFile' | 'vehicles' | 'risElements' | 'grid'>,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): CliScenario {
  const issues: ConfigIssue[] = [];
  let fromFile: ScenarioOverrides = {};
  if (cli.scenarioFile !== undefined) {
    const source = { kind: 'file', path: cli.scenarioFile } as const;
    try {
      fromFile = parseScenarioFile(readFile(cli.scenarioFile), cli.scenarioFile);
    } catch (error) {
      if (AcptConfigError.isInstance(error)) issues.push(...error.issues);
      else {
        const message = (error as Error).message;
        issues.push({ path: '(file)', expected: 'a readable JSON file', received: message, source, message });
      }
    }
  }
  const flags: ScenarioOverrides = {
    ...(cli.vehicles === undefined ? {} : { vehicleCount: cli.vehicles }),
    ...(cli.risElements === undefined ? {} : { ris: risShape(cli.risElements) }),
  };
  const overrides = mergeOverrides(fromFile, flags);
  let scenario: ScenarioConfig | undefined;
  if (issues.length === 0) {
    try {
      scenario = resolveScenario(overrides);
    } catch (error) {
      for (const issue of issuesOf(error)) {
        const flag = FLAG_PATHS[issue.path];
        issues.push(flag === undefined ? issue : { ...issue, path: `${flag} (${issue.path})` });
      }
    }
  }
  let grid: GridPoint[] | null = null;
  if (cli.grid !== undefined) {
    try {
      const axes = parseGrid(cli.grid);
      // An invalid base scenario would fail at every point: report the spec's own problems only.
      if (issues.length === 0) grid = expandGrid(axes, overrides);
    } catch (error) {
      issues.push(...issuesOf(error));
    }
  }
  if (issues.length > 0 || scenario === undefined) throw new AcptConfigError(issues);
  return { overrides, scenario, grid };
}

/** The problems of a scenario error as the CLI prints them: one line each, with what was received. */
export function formatScenarioIssues(error: AcptConfigError): string {
  const lines = error.issues.map((issue) => `  - ${issue.path}: ${issue.message} (got ${issue.received})`);
  return `invalid scenario (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}\n`;
}
