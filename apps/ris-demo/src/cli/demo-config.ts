import {
  applyConfigPatch,
  type CerebrasConfig,
  type CerebrasConfigInput,
  configSourceOf,
  loadConfig,
} from '@acpt/config';
import type { CliOptions } from './parse-args.ts';

/** Options of {@link loadDemoConfig}. */
export interface DemoConfigOptions {
  readonly cli: CliOptions;
  /** Requests per step (the number of agents): the micro-batch size unless the config or `--batch-size` set one. */
  readonly agentCount: number;
  /** The environment to read `CEREBRAS_*` / `ACPT_*` from. @defaultValue `process.env` */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Folder relative config paths resolve against. */
  readonly cwd?: string;
}

/**
 * Loads the acpt configuration for the demo: defaults < config file < environment < the command line. The mode sets
 * `mockMode` (mock and replay need no key; live needs `CEREBRAS_API_KEY`), `--on-llm-failure` sets the adapter's
 * `fallback` (`mock` → `mock`, `skip` → `throw`), and the micro-batch size defaults to the number of agents so one
 * step's requests leave together without waiting for the batch timer.
 *
 * @throws {AcptConfigError} when the configuration is invalid (e.g. live mode without an API key)
 */
export function loadDemoConfig(options: DemoConfigOptions): CerebrasConfig {
  const { cli } = options;
  const overrides: CerebrasConfigInput = {
    mockMode: cli.mode !== 'live',
    fallback: cli.onLlmFailure === 'mock' ? 'mock' : 'throw',
    ...(cli.model === undefined ? {} : { model: cli.model }),
    ...(cli.baseUrl === undefined ? {} : { baseUrl: cli.baseUrl }),
    ...(cli.batchSize === undefined ? {} : { batching: { batchSize: cli.batchSize } }),
  };
  const config = loadConfig({ file: cli.configFile, env: options.env, cwd: options.cwd, overrides });
  if (configSourceOf(config, 'batching.batchSize').kind !== 'default') return config;
  return applyConfigPatch(config, { batching: { batchSize: options.agentCount } });
}
