import * as v from 'valibot';
import { CONFIG_RELATIONS } from '../config/config-schema.ts';
import type { ConfigIssue } from '../errors/config-error.ts';
import { configIssue } from './config-issue.ts';
import type { Provenance } from './provenance.ts';
import { renderValue } from './render-value.ts';

/**
 * Turns the schema's issues into `ConfigIssue`s: the dotted path, the schema's description as `expected`, the raw
 * value rendered safely as `received`, and the source of that value (for a cross-field rule, the latest source
 * among the fields involved). Duplicates (same path and expectation) are dropped.
 */
export function toConfigIssues(issues: readonly v.BaseIssue<unknown>[], provenance: Provenance): ConfigIssue[] {
  const seen = new Set<string>();
  const result: ConfigIssue[] = [];
  for (const issue of issues) {
    const path = v.getDotPath(issue) ?? '';
    const key = `${path}\0${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const last = issue.path?.at(-1);
    const value = last === undefined ? issue.input : last.value;
    const related = CONFIG_RELATIONS[path];
    const source =
      related !== undefined && issue.type === 'partial_check'
        ? provenance.latestSourceOf([path, ...related])
        : provenance.sourceOf(path);
    result.push(configIssue(path, source, { expected: issue.message, received: renderValue(value, path) }));
  }
  return result;
}
