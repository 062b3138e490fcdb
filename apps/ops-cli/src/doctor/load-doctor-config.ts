import { AcptConfigError, type CerebrasConfig, type ConfigIssue, loadConfig } from '@acpt/config';
import { type Environment, withoutKeyVariables } from '../cli/environment.ts';

/** The configurations the doctor checks, and every problem met loading them. */
export interface DoctorConfig {
  /** The live configuration, key included, when it loaded. */
  readonly live?: CerebrasConfig;
  /** The configuration read without the key, for the network checks, when it loaded. */
  readonly endpoint?: CerebrasConfig;
  /** Problems with the API key (missing, both variables set, unsafe file, …). */
  readonly keyIssues: readonly ConfigIssue[];
  /** Every other problem. */
  readonly otherIssues: readonly ConfigIssue[];
  /** Whether the application itself, as configured, runs in mock mode (`undefined` when that cannot be told). */
  readonly appMockMode?: boolean;
}

/** Where the doctor's configuration comes from. */
export interface DoctorConfigOptions {
  /** JSON config file (`--config`); `ACPT_CONFIG_FILE` otherwise. */
  readonly file?: string;
  /** The environment; `process.env` by default. */
  readonly env?: Environment;
  /** `--url`: the endpoint to check instead of the configured one. */
  readonly baseUrl?: string;
  /** `--model`: the model to check instead of the configured one. */
  readonly model?: string;
}

function tryLoad(options: Parameters<typeof loadConfig>[0]): CerebrasConfig | readonly ConfigIssue[] {
  try {
    return loadConfig(options);
  } catch (error) {
    if (AcptConfigError.isInstance(error)) return error.issues;
    throw error;
  }
}

/**
 * Loads the configuration as the application would, in live mode (the doctor checks the live path even when the
 * application runs in mock mode), with `--url` and `--model` as overrides. It loads twice: once without the key
 * variables, so a key problem does not stop the DNS, TCP and TLS checks, and once with them.
 *
 * @throws whatever `loadConfig` throws that is not an `AcptConfigError`
 */
export function loadDoctorConfig(options: DoctorConfigOptions): DoctorConfig {
  const env = options.env ?? process.env;
  const overrides = {
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.model === undefined ? {} : { model: options.model }),
  };
  const keyless = withoutKeyVariables(env);
  const endpoint = tryLoad({ file: options.file, env: keyless, overrides: { ...overrides, mockMode: true } });
  if (Array.isArray(endpoint)) return { keyIssues: [], otherIssues: endpoint };
  // Keyless: live mode fails to load here (it needs a key), which says the application runs live.
  const asConfigured = tryLoad({ file: options.file, env: keyless, overrides });
  const appMockMode = Array.isArray(asConfigured) ? false : (asConfigured as CerebrasConfig).mockMode;
  const live = tryLoad({ file: options.file, env, overrides: { ...overrides, mockMode: false } });
  if (!Array.isArray(live))
    return {
      live: live as CerebrasConfig,
      endpoint: endpoint as CerebrasConfig,
      keyIssues: [],
      otherIssues: [],
      appMockMode,
    };
  const issues = live as readonly ConfigIssue[];
  return {
    endpoint: endpoint as CerebrasConfig,
    keyIssues: issues.filter((issue) => issue.path === 'apiKey'),
    otherIssues: issues.filter((issue) => issue.path !== 'apiKey'),
    appMockMode,
  };
}
