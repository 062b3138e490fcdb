import type { CerebrasConfig, CerebrasConfigInput } from '../config/cerebras-config.ts';
import type { ConfigSource } from '../errors/config-error.ts';
import { configSourceOf } from './provenance.ts';
import { resolveConfig } from './resolve-config.ts';

const overrideSource: ConfigSource = Object.freeze({ kind: 'override' });

/**
 * Validates one configuration object over the defaults, with the same rules as `loadConfig()` but without reading
 * files or the environment. Accepts anything; returns a deep-frozen `CerebrasConfig` or throws.
 *
 * @param input - a deep-partial configuration ({@link CerebrasConfigInput}), checked at run time
 * @param source - what issues name as the source; `override` by default
 * @throws {AcptConfigError} listing every problem (unknown keys with the nearest valid one, ranges, rules)
 * @example
 * ```ts
 * const config = parseConfig({ retry: { maxRetries: 0 }, latencyBudget: { ms: 2000, mode: 'hard' } });
 * ```
 */
export function parseConfig(input: unknown, source: ConfigSource = overrideSource): CerebrasConfig {
  return resolveConfig({ layers: [{ source, values: input }] });
}

/**
 * A new configuration: `config` with `patch` applied over it, validated exactly as `loadConfig()` validates (what
 * an adapter's `configure()` uses). The original is left untouched; values keep their recorded sources, patched
 * ones become `override`. A patch that sets `apiKey` makes `apiKeySource` `override`.
 *
 * @throws {AcptConfigError} when the patched configuration is invalid; the original stays in force
 * @example
 * ```ts
 * const faster = applyConfigPatch(config, { batching: { maxWaitMs: 0 }, retry: { maxRetries: 1 } });
 * ```
 */
export function applyConfigPatch(config: CerebrasConfig, patch: CerebrasConfigInput): CerebrasConfig {
  return resolveConfig({
    layers: [
      { source: { kind: 'default' }, values: config, sourceOf: (path) => configSourceOf(config, path) },
      { source: overrideSource, values: patch },
    ],
  });
}
