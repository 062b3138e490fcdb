import * as v from 'valibot';
import type { ModelPrice } from '../pricing/model-price.ts';
import { Secret } from '../secret/secret.ts';
import { baseUrlProblem, normalizeBaseUrl } from './base-url.ts';

/**
 * An integer in `[min, max]`. Its description (`an integer from 0 to 10`) is the message of every issue it raises,
 * so a `ConfigIssue` reads `expected an integer from 0 to 10, received "abc"`.
 */
export function integerSchema(min: number, max: number, unit = ''): v.GenericSchema<number> {
  const expected = `an integer from ${min} to ${max}${unit ? ` (${unit})` : ''}`;
  return v.pipe(
    v.number(expected),
    v.check((value) => Number.isInteger(value) && value >= min && value <= max, expected),
  );
}

/** A finite number in `[min, max]`, described like {@link integerSchema}. */
export function numberSchema(min: number, max: number): v.GenericSchema<number> {
  const expected = `a number from ${min} to ${max}`;
  return v.pipe(
    v.number(expected),
    v.check((value) => value >= min && value <= max, expected),
  );
}

/** `true` or `false` (environment variables spell them so too). */
export const booleanSchema: v.GenericSchema<boolean> = v.boolean('true or false');

/** One of the given words. */
export function pickSchema<const TOption extends string>(options: readonly TOption[]): v.GenericSchema<TOption> {
  return v.picklist(options, `one of ${options.map((option) => `"${option}"`).join(', ')}`);
}

/** The endpoint base URL: https, or http for loopback only; normalised without trailing slashes. */
export const baseUrlSchema: v.GenericSchema<string> = v.pipe(
  v.string('an https:// URL'),
  v.trim(),
  v.rawCheck(({ dataset, addIssue }) => {
    const problem = dataset.typed ? baseUrlProblem(dataset.value) : undefined;
    if (problem !== undefined) addIssue({ message: problem });
  }),
  v.transform(normalizeBaseUrl),
);

const modelExpected = 'a model id such as gpt-oss-120b (1 to 200 letters, digits or . _ - : /)';

/** A model id: trimmed, no spaces. Whether the endpoint serves it is checked by the transport, not here. */
export const modelSchema: v.GenericSchema<string> = v.pipe(
  v.string(modelExpected),
  v.trim(),
  v.regex(/^[A-Za-z0-9][\w.:/-]{0,199}$/, modelExpected),
);

const keyExpected = 'a non-empty API key without spaces or line breaks (at most 1024 characters)';

/** The API key, as a string or a `Secret`; always a `Secret` afterwards. Its issues never show the value. */
export const apiKeySchema: v.GenericSchema<string | Secret, Secret> = v.pipe(
  v.custom<string | Secret>((value) => typeof value === 'string' || Secret.isInstance(value), keyExpected),
  v.transform((value) => (typeof value === 'string' ? value.trim() : value.reveal())),
  v.check((key) => key.length > 0 && key.length <= 1024 && !/[\s\p{Cc}]/u.test(key), keyExpected),
  v.transform((key) => new Secret(key)),
);

/** A file path (not checked on disk here; `loadConfig` checks it). */
export const pathSchema: v.GenericSchema<string> = v.pipe(
  v.string('a file path'),
  v.trim(),
  v.check((path) => path.length > 0 && path.length <= 4096 && !path.includes('\0'), 'a non-empty file path'),
);

const metadataValueExpected = 'a string (at most 1024 characters), a finite number or a boolean';

/** Flat metadata: at most 64 entries of string, finite number or boolean values. */
export const metadataSchema: v.GenericSchema<
  Record<string, string | number | boolean>,
  Record<string, string | number | boolean>
> = v.pipe(
  v.record(
    v.string(),
    v.union(
      [
        v.pipe(v.string(), v.maxLength(1024, metadataValueExpected)),
        v.pipe(v.number(), v.finite(metadataValueExpected)),
        v.boolean(),
      ],
      metadataValueExpected,
    ),
    'an object of metadata values',
  ),
  v.check((record) => Object.keys(record).length <= 64, 'at most 64 metadata entries'),
);

const usdPerMillionExpected = 'a non-negative number of USD per million tokens (at most 1000000)';

/** A price in USD per million tokens: finite, from 0 to 1 000 000. */
export const usdPerMillionSchema: v.GenericSchema<number> = v.pipe(
  v.number(usdPerMillionExpected),
  v.check((value) => Number.isFinite(value) && value >= 0 && value <= 1_000_000, usdPerMillionExpected),
);

const usdLimitExpected = 'a positive number of USD (at most 1000000000)';

/** A spend limit in USD: finite, above 0. */
export const usdLimitSchema: v.GenericSchema<number> = v.pipe(
  v.number(usdLimitExpected),
  v.check((value) => Number.isFinite(value) && value > 0 && value <= 1_000_000_000, usdLimitExpected),
);

const dateExpected = 'a date written YYYY-MM-DD';

/** A model price as validated: `currency` filled in. */
type ValidatedPrice = Omit<ModelPrice, 'currency'> & { readonly currency: 'USD' };

/** One model's price, as the configuration spells it. */
export const modelPriceSchema: v.GenericSchema<ModelPrice, ValidatedPrice> = v.strictObject(
  {
    inputUsdPerMillion: usdPerMillionSchema,
    cachedInputUsdPerMillion: v.optional(usdPerMillionSchema),
    outputUsdPerMillion: usdPerMillionSchema,
    effectiveFrom: v.optional(
      v.pipe(
        v.string(dateExpected),
        v.regex(/^\d{4}-\d{2}-\d{2}$/, dateExpected),
        v.check((text) => !Number.isNaN(Date.parse(text)), dateExpected),
      ),
    ),
    currency: v.optional(v.picklist(['USD'], '"USD" (the only currency prices are kept in)'), 'USD'),
  },
  'an object of prices such as {"inputUsdPerMillion": 0.35, "outputUsdPerMillion": 0.75}',
);

/** Prices by model id. */
export const pricingSchema: v.GenericSchema<Record<string, ModelPrice>, Record<string, ValidatedPrice>> = v.record(
  v.string(),
  modelPriceSchema,
  'an object of model prices by model id',
);
