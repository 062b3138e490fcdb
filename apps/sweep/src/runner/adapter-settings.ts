import { AcptConfigError, type ConfigIssue, type ConfigSource } from '@acpt/config';
import * as v from 'valibot';

const weightsSchema = v.strictObject({
  energy: v.pipe(v.number(), v.minValue(0)),
  fairness: v.pipe(v.number(), v.minValue(0)),
  latency: v.pipe(v.number(), v.minValue(0)),
});

/** What a campaign's `adapter[].settings` may set for a ris-demo job. */
const settingsSchema = v.strictObject(
  {
    model: v.optional(v.pipe(v.string('a model id'), v.minLength(1, 'a model id'))),
    latencyBudgetMs: v.optional(
      v.pipe(v.number(), v.integer('a whole number of ms from 1 to 3600000'), v.minValue(1), v.maxValue(3_600_000)),
    ),
    coordinator: v.optional(v.picklist(['on', 'off'], '"on" or "off"')),
    batching: v.optional(v.picklist(['micro', 'templated'], '"micro" or "templated"')),
    weights: v.optional(weightsSchema),
  },
  'only model, latencyBudgetMs, coordinator, batching and weights',
);

/** The adapter settings of one configuration, as the ris-demo job takes them. */
export interface RisAdapterSettings {
  readonly model?: string;
  readonly latencyBudgetMs?: number;
  readonly coordinator?: 'on' | 'off';
  readonly batching?: 'micro' | 'templated';
  readonly weights?: { readonly energy: number; readonly fairness: number; readonly latency: number };
}

/**
 * Validates `adapter[index].settings` of a campaign.
 *
 * @throws {AcptConfigError} with each problem's JSON path (`$.adapter[0].settings.coordinator`)
 */
export function parseAdapterSettings(settings: unknown, index: number, source: ConfigSource): RisAdapterSettings {
  const result = v.safeParse(settingsSchema, settings, { abortEarly: false });
  if (result.success) return result.output;
  const issues: ConfigIssue[] = result.issues.map((issue) => {
    const keys = (issue.path ?? []).map((item) =>
      typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`,
    );
    const last = issue.path?.at(-1);
    const received = JSON.stringify(last === undefined ? issue.input : last.value) ?? 'undefined';
    return {
      path: `$.adapter[${index}].settings${keys.join('')}`,
      expected: issue.message,
      received,
      source,
      message: `expected ${issue.message}, got ${received}`,
    };
  });
  throw new AcptConfigError(issues);
}
