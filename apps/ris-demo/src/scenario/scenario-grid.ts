/**
 * Parameter grids (`--grid 'risElements=64,256,1024;vehicles=8,16'`): axes separated by `;`, each `name=v1,v2,…`.
 * A name is an alias (`vehicles`, `risElements` — a near-square panel with exactly that many elements — `txPowerW`,
 * every RSU's power) or the dotted path of any scalar scenario field (`ris.phaseBits`, `csi.nmseDb`,
 * `energy.powerControl`, `channel.pathLossModel`). Values are numbers, `true`/`false`, `null` or words, typed by the
 * field. `expandGrid` returns the cross product in row-major order (the last axis varies fastest), each point merged
 * over the base overrides and validated like a scenario file; every problem of the spec and of every point is
 * reported at once.
 */
import { AcptConfigError, type ConfigIssue } from '@acpt/config';
import { DEFAULT_SCENARIO, resolveScenario } from './default-scenario.ts';
import { risShape } from './ris-shape.ts';
import type { ScenarioConfig, ScenarioOverrides } from './scenario-config.ts';

/** A value of a grid axis. */
export type GridValue = number | boolean | string | null;

/** One axis: a parameter and its values, in the order given. */
export interface GridAxis {
  readonly name: string;
  readonly values: readonly GridValue[];
}

/** One point of the cross product. */
export interface GridPoint {
  /** 0-based index in row-major order. */
  readonly index: number;
  /** The swept parameters' values at this point, by axis name (in axis order). */
  readonly parameters: Readonly<Record<string, GridValue>>;
  /** A file-name-safe label, e.g. `risElements=64_vehicles=8`. */
  readonly label: string;
  /** The base overrides with this point's values applied. */
  readonly overrides: ScenarioOverrides;
  /** The resolved scenario. */
  readonly scenario: ScenarioConfig;
}

/** Most points a grid may have (before seeds). */
export const MAX_GRID_POINTS = 1000;

const ALIASES: Readonly<Record<string, string>> = {
  vehicles: 'vehicleCount',
  risElements: 'ris.elements',
  txPowerW: 'rsus.txPowerW',
};

/** The default value a (dotted) scenario path leads to, or undefined when it is not a scalar field. */
function defaultAt(path: string): GridValue | undefined {
  if (path === 'ris.elements') return DEFAULT_SCENARIO.ris.rows * DEFAULT_SCENARIO.ris.columns;
  if (path === 'rsus.txPowerW') return DEFAULT_SCENARIO.rsus[0]!.txPowerW;
  let node: unknown = DEFAULT_SCENARIO;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null ? undefined : (node as GridValue);
}

function parseValue(raw: string, example: GridValue): GridValue | undefined {
  if (raw === 'null') return null;
  if (typeof example === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : undefined;
  if (typeof example === 'number' || example === null) {
    if (raw === 'Infinity') return Number.POSITIVE_INFINITY;
    const value = Number(raw);
    return raw.trim() !== '' && Number.isFinite(value) ? value : undefined;
  }
  return /^[A-Za-z0-9_.-]+$/.test(raw) ? raw : undefined;
}

const issue = (path: string, expected: string, received: string): ConfigIssue => ({
  path: `--grid ${path}`,
  expected,
  received,
  source: { kind: 'override' },
  message: `must be ${expected}`,
});

/**
 * Parses a grid spec.
 * @throws {AcptConfigError} Listing every malformed axis, unknown parameter, bad or repeated value.
 */
export function parseGrid(spec: string): GridAxis[] {
  const issues: ConfigIssue[] = [];
  const axes: GridAxis[] = [];
  const parts = spec.split(';').map((part) => part.trim());
  if (spec.trim() === '') issues.push(issue('', 'at least one axis name=v1,v2', JSON.stringify(spec)));
  for (const [position, part] of parts.entries()) {
    if (part === '' && parts.length > 1) {
      issues.push(issue(`axis ${position + 1}`, 'name=v1,v2,… (no empty axis)', '""'));
      continue;
    }
    if (part === '') continue;
    const match = /^([A-Za-z][A-Za-z0-9.]*)=(.*)$/.exec(part);
    if (match === null) {
      issues.push(issue(`axis ${position + 1}`, 'name=v1,v2,…', JSON.stringify(part)));
      continue;
    }
    const [, name = '', list = ''] = match;
    const path = ALIASES[name] ?? name;
    const example = defaultAt(path);
    if (example === undefined) {
      issues.push(issue(name, `a scenario field or one of ${Object.keys(ALIASES).join(', ')}`, JSON.stringify(name)));
      continue;
    }
    if (axes.some((axis) => axis.name === name)) {
      issues.push(issue(name, 'named once', 'a repeated axis'));
      continue;
    }
    const raws = list.split(',').map((raw) => raw.trim());
    const values: GridValue[] = [];
    for (const [index, raw] of raws.entries()) {
      const value = parseValue(raw, example);
      if (value === undefined) {
        issues.push(
          issue(`${name}[${index}]`, `a ${example === null ? 'number' : typeof example} value`, JSON.stringify(raw)),
        );
      } else if (values.includes(value)) {
        issues.push(issue(`${name}[${index}]`, 'a value not listed before', JSON.stringify(raw)));
      } else {
        values.push(value);
      }
    }
    axes.push({ name, values });
  }
  const points = axes.reduce((product, axis) => product * Math.max(1, axis.values.length), 1);
  if (points > MAX_GRID_POINTS) issues.push(issue('', `at most ${MAX_GRID_POINTS} points`, `${points} points`));
  if (issues.length > 0) throw new AcptConfigError(issues);
  return axes;
}

/** Merges two override sets section by section (`patch` wins; `rsus` is replaced as a whole). */
export function mergeOverrides(base: ScenarioOverrides, patch: ScenarioOverrides): ScenarioOverrides {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const previous = merged[key];
    const isSection = typeof value === 'object' && value !== null && !Array.isArray(value);
    merged[key] = isSection && typeof previous === 'object' && previous !== null ? { ...previous, ...value } : value;
  }
  return merged as ScenarioOverrides;
}

/** The overrides that set one axis value on top of `base`. */
function applyAxis(base: ScenarioOverrides, name: string, value: GridValue): ScenarioOverrides {
  const path = ALIASES[name] ?? name;
  if (path === 'ris.elements') return mergeOverrides(base, { ris: risShape(value as number) });
  if (path === 'rsus.txPowerW') {
    const rsus = (base.rsus ?? DEFAULT_SCENARIO.rsus).map((rsu) => ({ ...rsu, txPowerW: value as number }));
    return mergeOverrides(base, { rsus });
  }
  const keys = path.split('.');
  const patch = keys.length === 1 ? { [path]: value } : { [keys[0]!]: { [keys[1]!]: value } };
  return mergeOverrides(base, patch as ScenarioOverrides);
}

/**
 * The cross product of `axes` over `base`, each point resolved and validated.
 * @throws {AcptConfigError} Listing every invalid point with the offending parameter values.
 */
export function expandGrid(axes: readonly GridAxis[], base: ScenarioOverrides = {}): GridPoint[] {
  const total = axes.reduce((product, axis) => product * axis.values.length, 1);
  const points: GridPoint[] = [];
  const issues: ConfigIssue[] = [];
  for (let index = 0; index < total; index += 1) {
    const parameters: Record<string, GridValue> = {};
    let overrides = base;
    let rest = index;
    for (let a = axes.length - 1; a >= 0; a -= 1) {
      const axis = axes[a]!;
      parameters[axis.name] = axis.values[rest % axis.values.length]!;
      rest = Math.floor(rest / axis.values.length);
    }
    const ordered = Object.fromEntries(axes.map((axis) => [axis.name, parameters[axis.name]!]));
    for (const axis of axes) overrides = applyAxis(overrides, axis.name, ordered[axis.name]!);
    const label = axes.map((axis) => `${axis.name}=${String(ordered[axis.name])}`).join('_');
    try {
      points.push({ index, parameters: ordered, label, overrides, scenario: resolveScenario(overrides) });
    } catch (error) {
      if (!AcptConfigError.isInstance(error)) throw error;
      for (const item of error.issues) issues.push({ ...item, path: `--grid point ${label}: ${item.path}` });
    }
  }
  if (issues.length > 0) throw new AcptConfigError(issues);
  return points;
}
