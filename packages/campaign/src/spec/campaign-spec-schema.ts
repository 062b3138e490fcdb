import * as v from 'valibot';
import type { QuotaLimits } from '../admission/quota-limits.ts';

const integer = (min: number, max: number) =>
  v.pipe(
    v.number(`a whole number from ${min} to ${max}`),
    v.integer(`a whole number from ${min} to ${max}`),
    v.minValue(min, `a whole number from ${min} to ${max}`),
    v.maxValue(max, `a whole number from ${min} to ${max}`),
  );

const name = v.pipe(
  v.string('a name: lower-case letters, digits and dashes'),
  v.regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    'a name: lower-case letters, digits and dashes, at most 63, not starting with -',
  ),
);

const settings = v.record(v.string(), v.unknown(), 'an object of settings');

const scenarioEntrySchema = v.pipe(
  v.strictObject(
    {
      /** Name in reports; grid points add `[key=value,…]`. */
      name,
      /** A scenario file, relative to the campaign file. Absent: the default scenario. */
      file: v.optional(v.pipe(v.string('a file path'), v.minLength(1, 'a non-empty file path'))),
      /** Settings on top of the file (dotted keys allowed, e.g. `"ris.elements": 256`). */
      set: v.optional(settings),
      /** Values to sweep: every combination of the listed values of each key becomes one scenario variant. */
      grid: v.optional(
        v.record(
          v.string(),
          v.pipe(v.array(v.unknown(), 'a list of values'), v.minLength(1, 'a non-empty list of values')),
          'an object of key: [values]',
        ),
      ),
    },
    'only the keys name, file, set and grid',
  ),
);

const adapterEntrySchema = v.strictObject({
  /** Name in reports. */
  name,
  /** An `@acpt/config` patch (e.g. `{ "model": "gpt-oss-120b", "maxCompletionTokens": 512 }`), validated by the worker. */
  settings: v.optional(settings, {}),
});

const quotaSchema = v.strictObject({
  requestsPerMinute: v.optional(integer(1, 1e9)),
  requestsPerHour: v.optional(integer(1, 1e9)),
  requestsPerDay: v.optional(integer(1, 1e9)),
  tokensPerMinute: v.optional(integer(1, 1e12)),
  tokensPerHour: v.optional(integer(1, 1e12)),
  tokensPerDay: v.optional(integer(1, 1e12)),
});

const campaignSpecSchema = v.strictObject({
  /** The campaign's name: its queue, its results folder, its Redis keys. */
  name,
  /** What to simulate. */
  scenarios: v.pipe(v.array(scenarioEntrySchema, 'a list of scenarios'), v.minLength(1, 'at least one scenario')),
  /** Seeds: a list, or `{ from, count }`. Every policy of a job runs on the same seed (paired comparison). */
  seeds: v.union(
    [
      v.pipe(v.array(integer(0, 2 ** 31 - 1)), v.minLength(1, 'at least one seed')),
      v.strictObject({ from: integer(0, 2 ** 31 - 1), count: integer(1, 100_000) }),
    ],
    'a list of seeds, or { "from": N, "count": N }',
  ),
  /** Policies compared on each (scenario, seed): e.g. `llm`, `scripted-rules`, `oracle`, `random`. */
  policies: v.pipe(
    v.array(v.pipe(v.string('a policy name'), v.minLength(1, 'a policy name')), 'a list of policy names'),
    v.minLength(1, 'at least one policy'),
  ),
  /** Adapter settings to compare. @defaultValue one entry `default` with no settings */
  adapter: v.optional(v.pipe(v.array(adapterEntrySchema), v.minLength(1, 'at least one adapter entry')), [
    { name: 'default', settings: {} },
  ]),
  /** Simulation steps per run. @defaultValue 100 */
  steps: v.optional(integer(1, 1_000_000), 100),
  /** Tries per job before it counts as failed. @defaultValue 3 */
  attempts: v.optional(integer(1, 20), 3),
  /** The cluster-wide Cerebras quota. */
  quota: v.optional(quotaSchema),
});

/** One scenario of a campaign: a scenario file, settings on top of it, and an optional grid of values to sweep. */
export interface ScenarioEntry {
  /** Name in reports; grid points add `[key=value,…]`. */
  readonly name: string;
  /** A scenario file, relative to the campaign file. Absent: the default scenario. */
  readonly file?: string;
  /** Settings on top of the file (dotted keys allowed, e.g. `"ris.elements": 256`). */
  readonly set?: Readonly<Record<string, unknown>>;
  /** Values to sweep: every combination of the listed values of each key becomes one scenario variant. */
  readonly grid?: Readonly<Record<string, readonly unknown[]>>;
}

/** Adapter settings under test: a name and an `@acpt/config` configuration patch. */
export interface AdapterEntry {
  readonly name: string;
  /** An `@acpt/config` patch, e.g. `{ "model": "gpt-oss-120b", "maxCompletionTokens": 512 }`. */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** A validated campaign, defaults applied: scenarios (files or grids) × seeds × policies × adapter settings. */
export interface CampaignSpec {
  /** The campaign's name: its queue, its results folder, its Redis keys. */
  readonly name: string;
  readonly scenarios: readonly ScenarioEntry[];
  /** Seeds: a list, or `{ from, count }`. Every policy of a job runs on the same seed (paired comparison). */
  readonly seeds: readonly number[] | { readonly from: number; readonly count: number };
  /** Policies compared on each (scenario, seed): e.g. `llm`, `scripted-rules`, `oracle`, `random`. */
  readonly policies: readonly string[];
  /** Adapter settings to compare. @defaultValue one entry `default` with no settings */
  readonly adapter: readonly AdapterEntry[];
  /** Simulation steps per run. @defaultValue 100 */
  readonly steps: number;
  /** Tries per job before it counts as failed. @defaultValue 3 */
  readonly attempts: number;
  /** The cluster-wide Cerebras quota. */
  readonly quota?: QuotaLimits;
}

/** A campaign file as written: `adapter`, `steps` and `attempts` may be left out. */
export type CampaignSpecInput = Omit<CampaignSpec, 'adapter' | 'steps' | 'attempts' | 'scenarios'> & {
  readonly scenarios: readonly ScenarioEntry[];
  readonly adapter?: readonly { readonly name: string; readonly settings?: Readonly<Record<string, unknown>> }[];
  readonly steps?: number;
  readonly attempts?: number;
};

/** The valibot schema of a campaign file (use `parseCampaignSpec`, which reports every problem with its JSON path). */
export const CampaignSpecSchema: v.GenericSchema<CampaignSpecInput, CampaignSpec> = campaignSpecSchema;
