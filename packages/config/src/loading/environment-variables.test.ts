import { describe, expect, it } from 'vitest';
import { CONFIG_SHAPE } from '../config/config-schema.ts';
import { PEM_CERTIFICATE, useTempDir } from './__fixtures__/temp-dir.ts';
import { ENVIRONMENT_VARIABLES } from './environment-variables.ts';
import { loadConfig } from './load-config.ts';
import { configSourceOf } from './provenance.ts';

const temp = useTempDir();

/** A valid value for each variable that differs from the default. */
const samples: Record<string, () => string> = {
  CEREBRAS_API_KEY: () => 'csk-sample',
  CEREBRAS_API_KEY_FILE: () => temp.write('key', 'csk-sample'),
  CEREBRAS_BASE_URL: () => 'https://gateway.internal',
  CEREBRAS_MODEL: () => 'qwen-3.8-27b',
  ACPT_MOCK_MODE: () => 'false',
  ACPT_API_VERSION_PATCH: () => '2',
  ACPT_JITTER: () => '0.5',
  ACPT_MAX_BACKOFF_MS: () => '9000',
  ACPT_BACKOFF_MULTIPLIER: () => '1.5',
  ACPT_LATENCY_BUDGET_MODE: () => 'hard',
  ACPT_BATCHING_MODE: () => 'adaptive',
  ACPT_TARGET_LATENCY_FRACTION: () => '0.7',
  ACPT_DECREASE_FACTOR: () => '0.6',
  ACPT_STREAMING: () => 'false',
  ACPT_FALLBACK: () => 'throw',
  ACPT_FALLBACK_ON_ACCESS: () => 'true',
  ACPT_FALLBACK_ON_NOT_FOUND: () => 'true',
  ACPT_FALLBACK_ON_INVALID: () => 'true',
  ACPT_HTTP2: () => 'true',
  ACPT_PROXY: () => 'http://proxy.internal:3128',
  ACPT_TLS_CA_FILE: () => temp.write('ca.pem', PEM_CERTIFICATE),
  ACPT_METADATA: () => '{"run":"a"}',
  ACPT_PRICING: () => '{"gpt-oss-120b":{"inputUsdPerMillion":0.3,"outputUsdPerMillion":0.7}}',
  ACPT_CONFIG_FILE: () => temp.write('acpt.json', '{}'),
};

describe('ENVIRONMENT_VARIABLES', () => {
  it('has unique names and only paths of the configuration', () => {
    const names = ENVIRONMENT_VARIABLES.map((variable) => variable.name);
    expect(new Set(names).size).toBe(names.length);
    for (const { path } of ENVIRONMENT_VARIABLES) {
      if (path === undefined) continue;
      const [key = '', field] = path.split('.');
      const shape = CONFIG_SHAPE[key];
      expect(shape, path).toBeDefined();
      if (field !== undefined) expect(shape, path).toContain(field);
    }
  });

  it.each(
    ENVIRONMENT_VARIABLES.filter((variable) => variable.path !== undefined).map((variable) => [
      variable.name,
      variable.path,
    ]),
  )('%s sets %s', (name, path) => {
    const text = samples[name]?.() ?? '7';
    const env = { [name]: text, ...(name === 'ACPT_MOCK_MODE' ? { CEREBRAS_API_KEY: 'csk-sample' } : {}) };
    const config = loadConfig({ env, cwd: temp.path() });
    expect(configSourceOf(config, path as string)).toEqual({ kind: 'env', name });
  });
});
