import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AcptConfigError } from '../errors/config-error.ts';
import { PEM_CERTIFICATE, useTempDir } from './__fixtures__/temp-dir.ts';
import { loadConfig } from './load-config.ts';
import { applyConfigPatch, parseConfig } from './parse-config.ts';

const temp = useTempDir();

/** Every way a value is commonly printed or serialised. */
function renderings(value: unknown): string[] {
  const texts = [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
    `${inspect(value)}`,
  ];
  if (value instanceof Error)
    texts.push(value.message, value.stack ?? '', JSON.stringify((value as AcptConfigError).issues));
  return texts;
}

function expectNoLeak(value: unknown, key: string): void {
  for (const text of renderings(value)) expect(text).not.toContain(key);
}

function thrownBy(run: () => unknown): AcptConfigError {
  try {
    run();
  } catch (error) {
    expect(AcptConfigError.isInstance(error)).toBe(true);
    return error as AcptConfigError;
  }
  throw new Error('expected an AcptConfigError');
}

const apiKey = fc.stringMatching(/^[A-Za-z0-9]{16,40}$/).map((text) => `csk-${text}`);

/** Bad configurations that carry the key in every place a user might put it. */
const badInputs = (key: string): unknown[] => [
  { apiKey: key, retry: { jitter: 5 } },
  { apiKey: `${key} trailing words` },
  { apiKey: `${key}\n${key}` },
  { model: key, retry: { jitter: 9 } },
  { model: `${key} x`, apiKey: key },
  { [key]: true },
  { retry: { [key]: 1 } },
  { metadata: { [key]: { nested: key } } },
  { metadata: { note: key.repeat(60) } },
  { baseUrl: `https://user:${key}@api.cerebras.ai` },
  { baseUrl: `http://${key}.example.com` },
  { mockMode: false, apiKey: key, fallback: key },
];

describe('the API key never leaks', () => {
  it('from a loaded configuration, whatever way it is printed', () => {
    fc.assert(
      fc.property(apiKey, (key) => {
        const config = loadConfig({ env: { CEREBRAS_API_KEY: key, ACPT_MOCK_MODE: 'false' } });
        expect(config.apiKey?.reveal()).toBe(key);
        expectNoLeak(config, key);
        expectNoLeak(applyConfigPatch(config, { retry: { maxRetries: 0 } }), key);
      }),
      { numRuns: 50 },
    );
  });

  it('from the ConfigError of any bad configuration holding it', () => {
    fc.assert(
      fc.property(apiKey, (key) => {
        for (const input of badInputs(key))
          expectNoLeak(
            thrownBy(() => parseConfig(input)),
            key,
          );
        const base = parseConfig({ apiKey: key });
        for (const input of badInputs(key))
          expectNoLeak(
            thrownBy(() => applyConfigPatch(base, input as never)),
            key,
          );
      }),
      { numRuns: 30 },
    );
  });

  it('from environment, key-file and config-file errors', () => {
    const key = 'csk-0123456789abcdefghij';
    const keyFile = temp.write('key', `${key}\nsecond line ${key}`, 0o644);
    const readableKey = temp.write('key-ok', key, 0o600);
    const broken = temp.write('broken.json', `{"apiKey": "${key}" "x"}`);
    const open = temp.write('open.json', JSON.stringify({ apiKey: key }), 0o644);
    const ca = temp.write('ca.pem', PEM_CERTIFICATE);
    const cases = [
      { env: { CEREBRAS_API_KEY_FILE: keyFile } },
      { env: { CEREBRAS_API_KEY_FILE: temp.write('key2', `${key} ${key}`) } },
      { env: { CEREBRAS_API_KEY: key, CEREBRAS_API_KEY_FILE: readableKey } },
      { env: { CEREBRAS_API_KEY: key, ACPT_MODEL_X: key, CEREBRAS_MODEL: `${key}!`, ACPT_METADATA: `{${key}` } },
      { file: broken, env: {} },
      { file: open, env: {} },
      { env: { CEREBRAS_API_KEY: key, ACPT_TLS_CA_FILE: `${ca}/${key}` } },
    ];
    for (const options of cases)
      expectNoLeak(
        thrownBy(() => loadConfig(options)),
        key,
      );
  });
});
