import { type CerebrasProviderOptions, providerOptionsIssues } from '@acpt/adapter';
import { InvalidRequestError, type RequestIssue } from '@acpt/config';

/**
 * What `providerOptions.acpt` accepts in the AI SDK's calls: the adapter's typed Cerebras options, plus acpt's
 * per-request controls. Option types accept `undefined` (safe under `exactOptionalPropertyTypes`).
 */
export interface AcptProviderOptions extends CerebrasProviderOptions {
  /** Latency budget of this request, in ms. @defaultValue `config.latencyBudget.ms` */
  readonly budgetMs?: number | undefined;
  /** `soft` reports a breach; `hard` makes the budget the deadline. @defaultValue `config.latencyBudget.mode` */
  readonly budgetMode?: 'soft' | 'hard' | undefined;
  /** Free-form attributes on the adapter's `request-start` event (agent name, step, …). */
  readonly attributes?: Readonly<Record<string, string | number | boolean>> | undefined;
}

/** The key of acpt's options in the AI SDK's `providerOptions`. */
export const ACPT_PROVIDER_OPTIONS_KEY = 'acpt';

const OWN = new Set(['budgetMs', 'budgetMode', 'attributes']);

/**
 * Reads and validates `providerOptions.acpt` (untyped JSON as the AI SDK passes it): the Cerebras options as the
 * adapter validates them, and acpt's own controls.
 *
 * @throws {InvalidRequestError} naming every bad option
 */
export function parseAcptProviderOptions(raw: unknown): AcptProviderOptions | undefined {
  if (raw === undefined) return undefined;
  const path = `providerOptions.${ACPT_PROVIDER_OPTIONS_KEY}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new InvalidRequestError([{ path, message: 'must be an object' }]);
  const record = raw as Record<string, unknown>;
  const cerebras: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) if (!OWN.has(name)) cerebras[name] = value;
  const issues: RequestIssue[] = providerOptionsIssues(cerebras as CerebrasProviderOptions, path);
  const { budgetMs, budgetMode, attributes } = record;
  if (budgetMs !== undefined && (typeof budgetMs !== 'number' || !(budgetMs > 0)))
    issues.push({ path: `${path}.budgetMs`, message: 'must be a positive number of milliseconds' });
  if (budgetMode !== undefined && budgetMode !== 'soft' && budgetMode !== 'hard')
    issues.push({ path: `${path}.budgetMode`, message: 'must be "soft" or "hard"' });
  if (attributes !== undefined && (typeof attributes !== 'object' || attributes === null))
    issues.push({ path: `${path}.attributes`, message: 'must be an object of strings, numbers and booleans' });
  if (issues.length > 0) throw new InvalidRequestError(issues);
  return record as AcptProviderOptions;
}
