import { CONFIG_SHAPE } from '../config/config-schema.ts';
import type { ConfigIssue, ConfigSource } from '../errors/config-error.ts';
import { configIssue } from './config-issue.ts';
import { nearestKey } from './nearest-key.ts';
import { renderValue } from './render-value.ts';

/** One source of configuration values, before validation. Later layers override earlier ones. */
export interface ConfigLayer {
  /** Where the values came from. */
  readonly source: ConfigSource;
  /** A deep-partial configuration object, as given (anything: it is checked). */
  readonly values: unknown;
  /** Per-path sources, when the values mix several (a configuration being patched). */
  readonly sourceOf?: (path: string) => ConfigSource;
  /** What `apiKeySource` says when this layer sets the key; `describeConfigSource(source)` otherwise. */
  readonly keySource?: string;
}

/** Plain data objects only: not arrays, dates, class instances or `Secret`s. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

const forbiddenRecordKeys = new Set(['__proto__', 'constructor', 'prototype']);
const topLevelKeys = Object.keys(CONFIG_SHAPE);

/**
 * Checks a layer's structure against the configuration's shape: every unknown key (with the nearest valid one),
 * every group that is not an object, every bad metadata key. Returns a copy with only the known keys, so that the
 * schema then reports each remaining problem once; values themselves are left to the schema.
 */
export function checkLayerShape(layer: ConfigLayer): { values: Record<string, unknown>; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const sourceOf = (path: string): ConfigSource => layer.sourceOf?.(path) ?? layer.source;
  const expectObject = (path: string, value: unknown, what: string): value is Record<string, unknown> => {
    if (isPlainObject(value)) return true;
    issues.push(configIssue(path, sourceOf(path), { expected: what, received: renderValue(value, path) }));
    return false;
  };
  const values: Record<string, unknown> = {};
  if (!expectObject('', layer.values, 'an object of configuration fields')) return { values, issues };
  for (const [key, value] of Object.entries(layer.values)) {
    const shape = CONFIG_SHAPE[key];
    if (value === undefined) continue;
    if (shape === undefined) {
      issues.push(unknownKey(key, topLevelKeys, sourceOf(key)));
    } else if (shape === 'value') {
      values[key] = value;
    } else if (expectObject(key, value, `an object of ${key} ${shape === 'record' ? 'values' : 'settings'}`)) {
      values[key] = checkGroup(key, shape, value, sourceOf, issues);
    }
  }
  return { values, issues };
}

/** Copies the fields of one group (or the metadata record) that have a valid key, reporting the others. */
function checkGroup(
  key: string,
  shape: 'record' | readonly string[],
  group: Record<string, unknown>,
  sourceOf: (path: string) => ConfigSource,
  issues: ConfigIssue[],
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(group)) {
    const path = `${key}.${field}`;
    if (value === undefined) continue;
    if (shape !== 'record' && !shape.includes(field)) issues.push(unknownKey(path, shape, sourceOf(path)));
    else if (shape === 'record' && !isValidRecordKey(field)) issues.push(badRecordKey(path, field, sourceOf(path)));
    else copy[field] = value;
  }
  return copy;
}

function isValidRecordKey(key: string): boolean {
  return key.length > 0 && key.length <= 64 && !forbiddenRecordKeys.has(key);
}

function unknownKey(path: string, candidates: readonly string[], source: ConfigSource): ConfigIssue {
  const key = path.slice(path.lastIndexOf('.') + 1);
  const nearest = nearestKey(key, candidates);
  const where = path.includes('.') ? `a key of ${path.slice(0, path.lastIndexOf('.'))}` : 'a configuration key';
  return configIssue(path, source, {
    expected: `${where} (${candidates.join(', ')})`,
    received: `unknown key ${JSON.stringify(key)}`,
    message: `unknown key ${JSON.stringify(key)}${nearest === undefined ? '' : `; did you mean "${nearest}"?`}`,
  });
}

function badRecordKey(path: string, key: string, source: ConfigSource): ConfigIssue {
  return configIssue(path, source, {
    expected: 'a metadata key of 1 to 64 characters, other than __proto__, constructor and prototype',
    received: JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key),
  });
}
