import type { CerebrasConfig } from '../config/cerebras-config.ts';
import type { ConfigSource } from '../errors/config-error.ts';

const defaultSource: ConfigSource = Object.freeze({ kind: 'default' });

interface Origin {
  readonly source: ConfigSource;
  /** Position of the layer that set the value: later layers win. */
  readonly rank: number;
}

/** Where each value of a configuration came from, by dotted path. Unrecorded paths came from the defaults. */
export class Provenance {
  readonly #origins = new Map<string, Origin>();

  /** Records that `path` was set by `source` (for a group: last touched by it). */
  set(path: string, source: ConfigSource, rank: number): void {
    this.#origins.set(path, { source, rank });
  }

  /** The source of `path`; `default` when no layer set it. */
  sourceOf(path: string): ConfigSource {
    return this.#origins.get(path)?.source ?? defaultSource;
  }

  /** The source of whichever of `paths` was set by the latest layer; `default` when none was set. */
  latestSourceOf(paths: readonly string[]): ConfigSource {
    let latest: Origin | undefined;
    for (const path of paths) {
      const origin = this.#origins.get(path);
      if (origin !== undefined && (latest === undefined || origin.rank > latest.rank)) latest = origin;
    }
    return latest?.source ?? defaultSource;
  }
}

const registry = new WeakMap<object, Provenance>();

/** Remembers where the values of a resolved configuration came from (for `configSourceOf` and later patches). */
export function recordProvenance(config: CerebrasConfig, provenance: Provenance): void {
  registry.set(config, provenance);
}

/**
 * Where a value of a configuration made by `loadConfig`, `parseConfig` or `applyConfigPatch` came from, e.g.
 * `configSourceOf(config, 'retry.maxRetries')` → `{ kind: 'env', name: 'ACPT_MAX_RETRIES' }`. Use
 * `describeConfigSource()` to print it. Paths nobody set, and configurations built elsewhere, give `default`.
 */
export function configSourceOf(config: CerebrasConfig, path: string): ConfigSource {
  return registry.get(config)?.sourceOf(path) ?? defaultSource;
}
