import * as v from 'valibot';
import type { CerebrasConfig } from '../config/cerebras-config.ts';
import { CerebrasConfigSchema } from '../config/config-schema.ts';
import { deepFreeze } from '../config/deep-freeze.ts';
import { AcptConfigError, type ConfigIssue } from '../errors/config-error.ts';
import type { ConfigLayer } from './config-layer.ts';
import { mergeLayers } from './merge-layers.ts';
import { type Provenance, recordProvenance } from './provenance.ts';
import { scrubSecrets } from './render-value.ts';
import { toConfigIssues } from './to-config-issues.ts';

/** What {@link resolveConfig} works from. */
export interface ResolveConfigOptions {
  /** Sources in increasing precedence. */
  readonly layers: readonly ConfigLayer[];
  /** Problems found while reading the sources (unreadable files, bad key files, …). */
  readonly issues?: readonly ConfigIssue[];
  /** Runs on the merged input before validation: may normalise it in place and report problems (disk checks). */
  readonly beforeValidate?: (input: Record<string, unknown>, provenance: Provenance) => readonly ConfigIssue[];
}

/**
 * Merges the layers, validates the result against {@link CerebrasConfigSchema} and returns it deep-frozen, or throws
 * one `AcptConfigError` listing every problem of every layer. No issue text ever contains an API key.
 *
 * @throws {AcptConfigError} when any layer or the merged configuration is invalid
 */
export function resolveConfig(options: ResolveConfigOptions): CerebrasConfig {
  const merged = mergeLayers(options.layers);
  const issues = [...(options.issues ?? []), ...merged.issues];
  issues.push(...(options.beforeValidate?.(merged.input, merged.provenance) ?? []));
  const result = v.safeParse(CerebrasConfigSchema, merged.input);
  if (!result.success) issues.push(...toConfigIssues(result.issues, merged.provenance));
  if (issues.length > 0 || !result.success) {
    throw new AcptConfigError(issues.map((issue) => scrubIssue(issue, merged.secrets)));
  }
  const config = deepFreeze(result.output);
  recordProvenance(config, merged.provenance);
  return config;
}

function scrubIssue(issue: ConfigIssue, secrets: readonly string[]): ConfigIssue {
  return Object.freeze({
    path: scrubSecrets(issue.path, secrets),
    expected: scrubSecrets(issue.expected, secrets),
    received: scrubSecrets(issue.received, secrets),
    source: issue.source,
    message: scrubSecrets(issue.message, secrets),
  });
}
