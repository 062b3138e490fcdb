import { createHash } from 'node:crypto';
import { canonicalJson } from '@acpt/config';
import type { CampaignSpec } from './campaign-spec-schema.ts';

/** One configuration of a campaign: a scenario variant (file, settings, grid point) with one set of adapter settings. */
export interface CampaignConfiguration {
  /** A hash of everything that defines the configuration (12 hex digits): equal content, equal id. */
  readonly id: string;
  /** `scenario[grid point] / adapter`, for reports. */
  readonly label: string;
  readonly scenario: {
    readonly name: string;
    /** The variant's name: the scenario's name plus the grid point, e.g. `urban[vehicleCount=8]`. */
    readonly variant: string;
    readonly file?: string;
    /** The scenario file's content, read at submission: jobs carry it, so workers need no copy of the file. */
    readonly base?: Readonly<Record<string, unknown>>;
    /** The scenario's `set` with the grid point applied (dotted keys as written). */
    readonly set: Readonly<Record<string, unknown>>;
  };
  readonly adapter: { readonly name: string; readonly settings: Readonly<Record<string, unknown>> };
}

/** What one job carries: one configuration on one seed, every policy of the campaign. */
export interface CampaignJobData {
  readonly campaign: string;
  readonly configuration: CampaignConfiguration;
  readonly seed: number;
  readonly steps: number;
  readonly policies: readonly string[];
}

/** One job with its deterministic id. */
export interface CampaignJob {
  /** `<configuration id>-s<seed>`: submitting the campaign again yields the same ids, so nothing is added twice. */
  readonly id: string;
  readonly data: CampaignJobData;
}

/** The expansion of a campaign. */
export interface CampaignPlan {
  readonly configurations: readonly CampaignConfiguration[];
  readonly seeds: readonly number[];
  readonly jobs: readonly CampaignJob[];
}

/** Options of {@link expandCampaign}. */
export interface ExpandOptions {
  /**
   * Reads a scenario file's content (relative paths as written in the campaign). Its content becomes part of the
   * configuration and of its id: editing the file gives new jobs, not stale results.
   */
  readonly scenarioBase?: (file: string) => Readonly<Record<string, unknown>>;
}

/** Every combination of the grid's values, keys in sorted order (so the same grid always expands the same way). */
function gridPoints(grid: Readonly<Record<string, readonly unknown[]>> | undefined): Record<string, unknown>[] {
  let points: Record<string, unknown>[] = [{}];
  for (const key of Object.keys(grid ?? {}).sort()) {
    const values = grid?.[key] ?? [];
    points = points.flatMap((point) => values.map((value) => ({ ...point, [key]: value })));
  }
  return points;
}

function describePoint(point: Readonly<Record<string, unknown>>): string {
  const parts = Object.entries(point).map(
    ([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
  return parts.length === 0 ? '' : `[${parts.join(',')}]`;
}

/** True when the seeds are given as a list (`Array.isArray` does not narrow a readonly array). */
export function isSeedList(seeds: CampaignSpec['seeds']): seeds is readonly number[] {
  return Array.isArray(seeds);
}

/** The seeds of a campaign, in order. */
export function campaignSeeds(spec: Pick<CampaignSpec, 'seeds'>): number[] {
  const seeds = spec.seeds;
  if (isSeedList(seeds)) return [...seeds];
  return Array.from({ length: seeds.count }, (_, index) => seeds.from + index);
}

/**
 * Expands a validated campaign into configurations (scenario variants × adapter settings) and one job per
 * (configuration, seed). Ids are content hashes: the same campaign always gives the same ids, and a configuration
 * that did not change keeps its id when others are added.
 */
export function expandCampaign(spec: CampaignSpec, options: ExpandOptions = {}): CampaignPlan {
  const configurations: CampaignConfiguration[] = [];
  for (const scenario of spec.scenarios) {
    const base = scenario.file === undefined ? undefined : options.scenarioBase?.(scenario.file);
    for (const point of gridPoints(scenario.grid)) {
      for (const adapter of spec.adapter) {
        const variant = `${scenario.name}${describePoint(point)}`;
        const set = { ...scenario.set, ...point };
        const content = {
          scenario: { name: scenario.name, file: scenario.file, base, set },
          adapter,
          steps: spec.steps,
          policies: spec.policies,
        };
        const id = createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 12);
        configurations.push({
          id,
          label: `${variant} / ${adapter.name}`,
          scenario: {
            name: scenario.name,
            variant,
            ...(scenario.file === undefined ? {} : { file: scenario.file }),
            ...(base === undefined ? {} : { base }),
            set,
          },
          adapter: { name: adapter.name, settings: adapter.settings },
        });
      }
    }
  }
  const seeds = campaignSeeds(spec);
  const jobs = configurations.flatMap((configuration) =>
    seeds.map((seed) => ({
      id: `${configuration.id}-s${seed}`,
      data: { campaign: spec.name, configuration, seed, steps: spec.steps, policies: spec.policies },
    })),
  );
  return { configurations, seeds, jobs };
}
