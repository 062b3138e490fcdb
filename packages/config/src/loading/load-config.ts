import type { CerebrasConfig, CerebrasConfigInput } from '../config/cerebras-config.ts';
import type { ConfigIssue } from '../errors/config-error.ts';
import { checkCaFile } from './check-ca-file.ts';
import { checkKeyFileField } from './check-key-file-field.ts';
import type { ConfigLayer } from './config-layer.ts';
import { readConfigFile } from './read-config-file.ts';
import { type ConfigEnvironment, readEnvironment } from './read-environment.ts';
import { resolveConfig } from './resolve-config.ts';

/** Where `loadConfig()` reads from. Every field is optional. */
export interface LoadConfigOptions {
  /** JSON configuration file; `ACPT_CONFIG_FILE` when omitted; none when both are unset. */
  readonly file?: string;
  /** The environment to read; `process.env` when omitted. */
  readonly env?: ConfigEnvironment;
  /** Values that win over everything else (what a caller passes in code). */
  readonly overrides?: CerebrasConfigInput;
  /** Folder that relative paths resolve against; `process.cwd()` when omitted. */
  readonly cwd?: string;
}

/**
 * Loads the configuration of the acpt family: defaults < JSON file < environment < `overrides`, validated and
 * deep-frozen. Mock mode is the default; live mode (`ACPT_MOCK_MODE=false`) needs `CEREBRAS_API_KEY` or
 * `CEREBRAS_API_KEY_FILE`. Synchronous: call it once at start-up.
 *
 * @throws {AcptConfigError} listing every problem of every source at once, each with its path, what was expected,
 * what was received (`[redacted]` for the key) and its source (`default`, `file <path>`, `env <NAME>`, `override`)
 * @example
 * ```ts
 * const config = loadConfig(); // mock mode unless ACPT_MOCK_MODE=false
 * const live = loadConfig({ overrides: { mockMode: false } }); // needs CEREBRAS_API_KEY
 * ```
 */
export function loadConfig(options: LoadConfigOptions = {}): CerebrasConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const layers: ConfigLayer[] = [];
  const issues: ConfigIssue[] = [];
  const file = options.file ?? (env.ACPT_CONFIG_FILE?.trim() || undefined);
  if (file !== undefined) {
    const result = readConfigFile(file, cwd);
    if (result.layer) layers.push(result.layer);
    issues.push(...result.issues);
  }
  const environment = readEnvironment(env, cwd);
  layers.push(...environment.layers);
  issues.push(...environment.issues);
  if (options.overrides !== undefined) layers.push({ source: { kind: 'override' }, values: options.overrides });
  return resolveConfig({
    layers,
    issues,
    beforeValidate: (input, provenance) => [
      ...checkCaFile(input, provenance, cwd),
      ...checkKeyFileField(input, provenance, cwd),
    ],
  });
}
