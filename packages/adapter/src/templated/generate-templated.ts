import { estimatePromptTokens, InvalidResponseError } from '@acpt/config';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { AdapterCore } from '../adapter-core.ts';
import type { AdapterResponse, GenerateInput, GenerateOptions } from '../adapter-types.ts';
import { checkOutput, describeIssues, jsonSchemaOf, type OutputCheck } from '../structured/output-schema.ts';
import { dropOptionalNulls, toStrictJsonSchema } from '../structured/strict-json-schema.ts';
import {
  DEFAULT_ANSWER_SCHEMA,
  packedMessages,
  packedResponseFormat,
  parsePackedAnswers,
  parseSingleAnswer,
  singleMessages,
  singleResponseFormat,
  type TemplatedItem,
} from './templated-prompts.ts';

/** Options of `generateTemplated()`. */
export interface TemplatedOptions<TAnswer> {
  /** The instruction every item shares (sent once as the system message of the packed call). */
  readonly template: string;
  /** The items; ids must be unique. */
  readonly items: readonly TemplatedItem[];
  /**
   * Standard Schema of one answer (valibot, zod, arktype, …), the same path as `generateObject`: its JSON Schema
   * (or `answerSchema` when given) made strict for the wire, each answer validated by it; an invalid answer is
   * re-asked alone and, if still invalid, rejected with `InvalidResponseError` carrying the issues.
   */
  readonly schema?: StandardSchemaV1<unknown, TAnswer> | undefined;
  /** JSON schema of one answer (with `schema`: the wire schema instead of the converted one). @defaultValue `{ type: 'string' }` */
  readonly answerSchema?: Readonly<Record<string, unknown>> | undefined;
  /** Checks one answer; a `false` makes the item be re-asked alone. @defaultValue any present answer is valid */
  readonly validate?:
    | ((answer: unknown, item: TemplatedItem) => answer is TAnswer)
    | ((answer: unknown, item: TemplatedItem) => boolean)
    | undefined;
  /** Options of the packed call and of the re-asks (signal, budget, attributes, …). */
  readonly options?: GenerateOptions | undefined;
  /**
   * `maxCompletionTokens` of the packed call: it carries N answers, so raise it for long answers or many items.
   * @defaultValue `options.maxCompletionTokens`, else `config.maxCompletionTokens`
   */
  readonly packedMaxCompletionTokens?: number | undefined;
}

/** The outcome of one item. */
export type TemplatedItemResult<TAnswer> =
  | {
      readonly id: string;
      readonly status: 'fulfilled';
      readonly answer: TAnswer;
      /** `batch`: from the packed call; `individual`: from a re-ask. */
      readonly source: 'batch' | 'individual';
    }
  | { readonly id: string; readonly status: 'rejected'; readonly error: unknown };

/** What `generateTemplated()` resolves with. */
export interface TemplatedResult<TAnswer> {
  /** One result per item, in item order. */
  readonly results: readonly TemplatedItemResult<TAnswer>[];
  readonly stats: {
    readonly items: number;
    /** Calls made: the packed one plus the re-asks. */
    readonly requests: number;
    /** Items re-asked alone (missing or invalid in the packed answer). */
    readonly reasked: number;
    /** `items − requests`: calls saved against one call per item (negative when re-asks outnumber the saving). */
    readonly savedRequests: number;
    /** Estimated prompt tokens saved against one call per item (the shared template is sent once, not N times). */
    readonly savedTokens: number;
  };
}

/**
 * What the templated batcher calls: the adapter's `generate`; `packedItemCount` marks the packed call of a templated
 * batch (and how many items it carries).
 */
export type TemplatedGenerate = (
  input: GenerateInput,
  options: GenerateOptions | undefined,
  packedItemCount?: number,
) => Promise<AdapterResponse>;

/**
 * Prompt-templated batching: one JSON-schema call answers N similar items; each answer is validated and only the items
 * whose answer is missing or invalid are re-asked alone (concurrently). If the packed call fails, every item is
 * re-asked. An item whose re-ask fails or is still invalid is `rejected`; the batch as a whole never rejects.
 */
export async function generateTemplated<TAnswer>(
  generate: TemplatedGenerate,
  core: AdapterCore,
  options: TemplatedOptions<TAnswer>,
): Promise<TemplatedResult<TAnswer>> {
  const { template, items } = options;
  if (new Set(items.map((item) => item.id)).size !== items.length)
    throw new TypeError('Templated item ids must be unique');
  const { answerSchema, check } = answerChecker(options);
  const results = new Array<TemplatedItemResult<TAnswer>>(items.length);
  const packed = packedMessages(template, items);
  let answers = new Map<string, unknown>();
  if (items.length > 0) {
    try {
      const maxCompletionTokens = options.packedMaxCompletionTokens ?? options.options?.maxCompletionTokens;
      const response = await generate(
        { messages: packed, responseFormat: packedResponseFormat(items, answerSchema) },
        { ...options.options, ...(maxCompletionTokens === undefined ? {} : { maxCompletionTokens }) },
        items.length,
      );
      answers = parsePackedAnswers(response.text);
    } catch {
      // Every item is re-asked below.
    }
  }
  const reasks: Promise<void>[] = [];
  const reasked: TemplatedItem[] = [];
  const checks = await Promise.all(
    items.map((item) => (answers.has(item.id) ? check(answers.get(item.id), item) : undefined)),
  );
  items.forEach((item, index) => {
    const checked = checks[index];
    if (checked?.ok === true) {
      results[index] = { id: item.id, status: 'fulfilled', answer: checked.value, source: 'batch' };
      return;
    }
    reasked.push(item);
    reasks.push(
      reask(generate, template, item, answerSchema, check, options.options).then(
        (value) => {
          results[index] = { id: item.id, status: 'fulfilled', answer: value, source: 'individual' };
        },
        (error: unknown) => {
          results[index] = { id: item.id, status: 'rejected', error };
        },
      ),
    );
  });
  await Promise.all(reasks);
  const requests = (items.length > 0 ? 1 : 0) + reasks.length;
  const single = (item: TemplatedItem): number => estimatePromptTokens(singleMessages(template, item));
  const alone = items.reduce((sum, item) => sum + single(item), 0);
  const spent =
    (items.length > 0 ? estimatePromptTokens(packed) : 0) + reasked.reduce((sum, item) => sum + single(item), 0);
  const stats = {
    items: items.length,
    requests,
    reasked: reasks.length,
    savedRequests: items.length - requests,
    savedTokens: alone - spent,
  };
  if (items.length > 0) {
    core.diagnostics.templatedBatches++;
    core.diagnostics.savedRequests += stats.savedRequests;
    core.diagnostics.savedTokens += stats.savedTokens;
  }
  return { results, stats };
}

type AnswerCheck<TAnswer> = (answer: unknown, item: TemplatedItem) => Promise<OutputCheck<TAnswer>>;

/** The wire schema of one answer and how an answer is checked: by the Standard Schema, else by `validate`. */
function answerChecker<TAnswer>(options: TemplatedOptions<TAnswer>): {
  answerSchema: Readonly<Record<string, unknown>>;
  check: AnswerCheck<TAnswer>;
} {
  const schema = options.schema;
  if (schema !== undefined) {
    const original = jsonSchemaOf(schema, options.answerSchema, 'answerSchema');
    return {
      answerSchema: toStrictJsonSchema(original, { model: options.options?.model }),
      check: (answer) => checkOutput(schema, dropOptionalNulls(answer, original)),
    };
  }
  const validate: (answer: unknown, item: TemplatedItem) => boolean = options.validate ?? (() => true);
  return {
    answerSchema: options.answerSchema ?? DEFAULT_ANSWER_SCHEMA,
    check: async (answer, item) =>
      validate(answer, item)
        ? { ok: true, value: answer as TAnswer }
        : { ok: false, issues: [{ message: 'rejected by validate()', path: [] }] },
  };
}

async function reask<TAnswer>(
  generate: TemplatedGenerate,
  template: string,
  item: TemplatedItem,
  answerSchema: Readonly<Record<string, unknown>>,
  check: AnswerCheck<TAnswer>,
  options: GenerateOptions | undefined,
): Promise<TAnswer> {
  const response = await generate(
    { messages: singleMessages(template, item), responseFormat: singleResponseFormat(answerSchema) },
    options,
  );
  const parsed = parseSingleAnswer(response.text);
  const checked = parsed === undefined ? undefined : await check(parsed.answer, item);
  if (checked?.ok === true) return checked.value;
  const issues = checked?.issues ?? [{ message: 'the reply has no {"answer": …} JSON', path: [] }];
  throw new InvalidResponseError(`The answer for item "${item.id}" is missing or invalid: ${describeIssues(issues)}`, {
    bodySnippet: response.text,
    issues,
  });
}
