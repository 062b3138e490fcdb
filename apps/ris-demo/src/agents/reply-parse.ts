import * as v from 'valibot';

/** The outcome of validating one agent reply: the action, or why it was rejected. */
export type ReplyParse<TAction> =
  | { readonly ok: true; readonly action: TAction }
  | { readonly ok: false; readonly issues: readonly string[] };

/** The identifiers a reply may refer to, taken from the observation the prompt was written from. */
export interface ReplyContext {
  readonly vehicleIds: readonly string[];
  readonly rsuIds: readonly string[];
  /** Serving RSU of each vehicle when the prompt was written. */
  readonly servingRsu: Readonly<Record<string, string>>;
}

/**
 * Parses a reply's text as JSON and validates it with a valibot schema. Nothing is repaired: text that is not JSON,
 * or JSON that does not match, is rejected with readable issues (at most five).
 */
export function parseReply<TSchema extends v.GenericSchema>(
  text: string,
  schema: TSchema,
): ReplyParse<v.InferOutput<TSchema>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [`reply is not JSON: ${(error as Error).message}`] };
  }
  return validateReply(json, schema);
}

/** Validates an already parsed reply with a valibot schema (templated batching hands answers over parsed). */
export function validateReply<TSchema extends v.GenericSchema>(
  json: unknown,
  schema: TSchema,
): ReplyParse<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, json);
  if (result.success) return { ok: true, action: result.output };
  return {
    ok: false,
    issues: result.issues.slice(0, 5).map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}

/** A valibot check that the items' `key` values are all different. */
export function uniqueBy<TItem>(key: (item: TItem) => string, what: string): v.CheckAction<TItem[], string> {
  return v.check((items: TItem[]) => new Set(items.map(key)).size === items.length, `each ${what} at most once`);
}
