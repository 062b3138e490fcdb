import { AcptConfigError, type ConfigIssue, type ConfigSource } from '@acpt/config';
import * as v from 'valibot';
import { type CampaignSpec, CampaignSpecSchema } from './campaign-spec-schema.ts';
import { isSeedList } from './expand-campaign.ts';

/** The JSON path of a valibot issue: `$.scenarios[1].grid.vehicleCount`. */
export function jsonPathOf(issue: v.BaseIssue<unknown>): string {
  let path = '$';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) path += `.${key}`;
    else path += `[${JSON.stringify(String(key))}]`;
  }
  return path;
}

function render(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * A union's issue lists every branch's problems; keep those of the branch the value looks like (a list or an object),
 * with their paths made absolute.
 */
function flatten(issues: readonly v.BaseIssue<unknown>[]): v.BaseIssue<unknown>[] {
  const result: v.BaseIssue<unknown>[] = [];
  for (const issue of issues) {
    const kind = Array.isArray(issue.input) ? 'array' : typeof issue.input === 'object' ? 'object' : undefined;
    const branch = (issue.type === 'union' ? (issue.issues ?? []) : []).filter(
      (nested) => kind !== undefined && nested.path?.[0]?.type === kind,
    );
    if (branch.length === 0) result.push(issue);
    else
      for (const nested of branch)
        result.push({ ...nested, path: [...(issue.path ?? []), ...(nested.path ?? [])] } as v.BaseIssue<unknown>);
  }
  return result;
}

/**
 * Validates a campaign file's content. Every problem is reported at once with its JSON path (`$.seeds.count`), what
 * was expected and what was given; names must be unique where reports key on them.
 *
 * @param source - where the content came from, for the messages (`{ kind: 'file', path }`)
 * @throws {AcptConfigError} listing every problem
 */
export function parseCampaignSpec(input: unknown, source: ConfigSource = { kind: 'override' }): CampaignSpec {
  const result = v.safeParse(CampaignSpecSchema, input, { abortEarly: false });
  const issues: ConfigIssue[] = [];
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of flatten(result.issues)) {
      const path = jsonPathOf(issue);
      const key = `${path}\0${issue.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const last = issue.path?.at(-1);
      const received = render(last === undefined ? issue.input : last.value);
      issues.push({
        path,
        expected: issue.message,
        received,
        source,
        message: `expected ${issue.message}, got ${received}`,
      });
    }
    throw new AcptConfigError(issues);
  }
  const spec = result.output;
  duplicates(
    spec.scenarios.map((entry) => entry.name),
    '$.scenarios',
    issues,
    source,
  );
  duplicates(
    spec.adapter.map((entry) => entry.name),
    '$.adapter',
    issues,
    source,
  );
  duplicates(spec.policies, '$.policies', issues, source);
  if (!isSeedList(spec.seeds) && spec.seeds.from + spec.seeds.count > 2 ** 31) {
    issues.push({
      path: '$.seeds',
      expected: 'seeds below 2^31',
      received: render(spec.seeds),
      source,
      message: 'from + count must stay below 2^31',
    });
  } else if (isSeedList(spec.seeds)) duplicates(spec.seeds.map(String), '$.seeds', issues, source);
  if (issues.length > 0) throw new AcptConfigError(issues);
  return spec;
}

function duplicates(names: readonly string[], path: string, issues: ConfigIssue[], source: ConfigSource): void {
  const seen = new Set<string>();
  names.forEach((entry, index) => {
    if (!seen.has(entry)) {
      seen.add(entry);
      return;
    }
    issues.push({
      path: `${path}[${index}]`,
      expected: 'a name not used before in this list',
      received: render(entry),
      source,
      message: `${render(entry)} appears twice; each entry needs its own name (reports key on it)`,
    });
  });
}
