import { extraBodyIssues, type RequestIssue } from '@acpt/config';
import { CEREBRAS_PROVIDER_OPTION_NAMES, type CerebrasProviderOptions } from './provider-options.ts';

const SERVICE_TIERS = new Set(['auto', 'default', 'flex', 'priority']);
const REASONING_EFFORTS = new Set(['none', 'low', 'medium', 'high']);
const REASONING_FORMATS = new Set(['none', 'parsed', 'text_parsed', 'raw', 'hidden']);
const KNOWN = new Set<string>(CEREBRAS_PROVIDER_OPTION_NAMES);

type Add = (field: string, message: string) => void;

function range(value: number | undefined, field: string, min: number, max: number, integer: boolean, add: Add): void {
  if (value === undefined) return;
  if (
    typeof value !== 'number' ||
    Number.isNaN(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  )
    add(field, `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max} (got ${JSON.stringify(value)})`);
}

function oneOf(value: unknown, field: string, allowed: ReadonlySet<string>, add: Add): void {
  if (value !== undefined && !allowed.has(value as string))
    add(field, `must be one of ${[...allowed].map((entry) => `"${entry}"`).join(', ')} (got ${JSON.stringify(value)})`);
}

function boolean(value: unknown, field: string, add: Add): void {
  if (value !== undefined && typeof value !== 'boolean')
    add(field, `must be true or false (got ${JSON.stringify(value)})`);
}

/**
 * The problems of per-call provider options, checked as the Cerebras API checks them (ranges, enums, `top_logprobs`
 * needing `logprobs`, at most four stop sequences) plus unknown names (a typo would otherwise be dropped silently)
 * and `extraBody` keys that collide with a field the adapter owns.
 *
 * @param path - prefix of the issue paths, e.g. `providerOptions`
 */
export function providerOptionsIssues(options: CerebrasProviderOptions, path = 'providerOptions'): RequestIssue[] {
  const issues: RequestIssue[] = [];
  const add: Add = (field, message) => issues.push({ path: `${path}.${field}`, message });
  for (const name of Object.keys(options)) {
    if (!KNOWN.has(name))
      add(name, `is not a Cerebras option acpt knows; pass new wire parameters through extraBody (snake_case)`);
  }
  range(options.topP, 'topP', 0, 1, false, add);
  range(options.frequencyPenalty, 'frequencyPenalty', -2, 2, false, add);
  range(options.presencePenalty, 'presencePenalty', -2, 2, false, add);
  range(options.topLogprobs, 'topLogprobs', 0, 20, true, add);
  range(options.minCompletionTokens, 'minCompletionTokens', -1, Number.MAX_SAFE_INTEGER, true, add);
  if (options.topLogprobs !== undefined && options.logprobs !== true)
    add('topLogprobs', 'needs logprobs: true (the API rejects top_logprobs without it)');
  for (const [token, bias] of Object.entries(options.logitBias ?? {}))
    range(bias, `logitBias.${token}`, -100, 100, false, add);
  const stop = options.stop;
  if (stop !== undefined && typeof stop !== 'string') {
    if (!Array.isArray(stop) || stop.some((entry) => typeof entry !== 'string'))
      add('stop', 'must be a string or a list of strings');
    else if (stop.length > 4) add('stop', `takes at most 4 sequences (got ${stop.length})`);
  }
  oneOf(options.serviceTier, 'serviceTier', SERVICE_TIERS, add);
  oneOf(options.reasoningEffort, 'reasoningEffort', REASONING_EFFORTS, add);
  oneOf(options.reasoningFormat, 'reasoningFormat', REASONING_FORMATS, add);
  boolean(options.logprobs, 'logprobs', add);
  boolean(options.clearThinking, 'clearThinking', add);
  boolean(options.parallelToolCalls, 'parallelToolCalls', add);
  const prediction = options.prediction;
  if (prediction !== undefined && (prediction?.type !== 'content' || typeof prediction.content !== 'string'))
    add('prediction', 'must be { type: "content", content: string }');
  issues.push(...extraBodyIssues(options.extraBody, `${path}.extraBody`));
  return issues;
}
