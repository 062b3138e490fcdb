import { AcptConfigError, type ConfigIssue } from '@acpt/config';
import type { Attributes } from '@opentelemetry/api';
import type { MetricAttributeCache } from './metric-attributes.ts';

const overflow = '_other';

/**
 * Copies chosen caller attributes (`agent`, `scenario`, …) onto the cost metric as `acpt.<name>`, with at most
 * `maxValues` distinct values per name (later values count as `_other`), so cost can be broken down by them without
 * unbounded series. Attribute sets come from the shared cache, one object per set, as the tallied counters need.
 */
export class CostAttributes {
  readonly #cache: MetricAttributeCache;
  readonly #names: readonly string[];
  readonly #maxValues: number;
  readonly #seen = new Map<string, Set<string>>();

  constructor(
    cache: MetricAttributeCache,
    settings: { readonly names: readonly string[]; readonly maxValues: number },
  ) {
    this.#cache = cache;
    this.#names = settings.names;
    this.#maxValues = settings.maxValues;
  }

  /** `base` plus the chosen attributes the request carries. */
  of(base: Attributes, attributes: Readonly<Record<string, string | number | boolean>> | undefined): Attributes {
    if (this.#names.length === 0 || attributes === undefined) return base;
    let result = base;
    for (const name of this.#names) {
      const value = attributes[name];
      if (value === undefined) continue;
      result = this.#cache.with(result, `acpt.${name}`, this.#bounded(name, String(value)));
    }
    return result;
  }

  #bounded(name: string, value: string): string {
    let seen = this.#seen.get(name);
    if (seen === undefined) {
      seen = new Set();
      this.#seen.set(name, seen);
    }
    if (seen.has(value)) return value;
    if (seen.size >= this.#maxValues) return overflow;
    seen.add(value);
    return value;
  }
}

const namePattern = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * Checks the `costAttributes` and `maxCostAttributeValues` options: names of 1 to 64 letters, digits or `_` starting
 * with a letter, at most 16 of them; a value cap from 1 to 1000.
 *
 * @throws {AcptConfigError} naming every bad option at once
 */
export function resolveCostAttributes(
  names: readonly string[] | undefined,
  maxValues: number | undefined,
): { readonly names: readonly string[]; readonly maxValues: number } {
  const issues: ConfigIssue[] = [];
  const source = { kind: 'override' } as const;
  const list = names ?? [];
  const bad = list.filter((name) => typeof name !== 'string' || !namePattern.test(name));
  if (bad.length > 0 || list.length > 16) {
    const expected = 'at most 16 attribute names of letters, digits or _ (starting with a letter), e.g. ["agent"]';
    const received = JSON.stringify(bad.length > 0 ? bad : list).slice(0, 80);
    issues.push({
      path: 'costAttributes',
      expected,
      received,
      source,
      message: `expected ${expected}, received ${received}`,
    });
  }
  const cap = maxValues ?? 50;
  if (!Number.isInteger(cap) || cap < 1 || cap > 1000) {
    const expected = 'an integer from 1 to 1000';
    const received = String(maxValues);
    issues.push({
      path: 'maxCostAttributeValues',
      expected,
      received,
      source,
      message: `expected ${expected}, received ${received}`,
    });
  }
  if (issues.length > 0) throw new AcptConfigError(issues);
  return { names: [...list], maxValues: cap };
}
