import type { CerebrasConfig, CerebrasConfigInput } from '../config/cerebras-config.ts';
import {
  CONFIG_PRESET_NAMES,
  CONFIG_PRESETS,
  type ConfigPresetName,
  isConfigPresetName,
} from '../config/config-presets.ts';
import type { ConfigIssue, ConfigSource } from '../errors/config-error.ts';
import { checkCaFile } from './check-ca-file.ts';
import { checkKeyFileField } from './check-key-file-field.ts';
import { configIssue } from './config-issue.ts';
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
  /** A named starting point above the defaults ({@link CONFIG_PRESETS}); `ACPT_PRESET` when omitted. */
  readonly preset?: ConfigPresetName | undefined;
}

/**
 * Loads the configuration of the acpt family: defaults < preset < JSON file < environment < `overrides`, validated and
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
  const preset = presetLayer(options.preset, env);
  if (preset.layer) layers.push(preset.layer);
  issues.push(...preset.issues);
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

/** The preset's layer, from the option or `ACPT_PRESET`; an unknown name is an issue naming the valid ones. */
function presetLayer(
  option: string | undefined,
  env: ConfigEnvironment,
): { layer?: { source: ConfigSource; values: CerebrasConfigInput }; issues: ConfigIssue[] } {
  const fromEnv = env.ACPT_PRESET?.trim() || undefined;
  const name = option ?? fromEnv;
  if (name === undefined) return { issues: [] };
  if (isConfigPresetName(name))
    return { layer: { source: { kind: 'preset', name }, values: CONFIG_PRESETS[name] }, issues: [] };
  const source: ConfigSource = option === undefined ? { kind: 'env', name: 'ACPT_PRESET' } : { kind: 'override' };
  const expected = `one of ${CONFIG_PRESET_NAMES.join(', ')}`;
  return { issues: [configIssue('preset', source, { expected, received: JSON.stringify(name) })] };
}
