import { describe, expect, it } from 'vitest';
import { isApiKeyProvider } from '../contract/api-key-provider.ts';
import { issueAt, issuesOf } from './__fixtures__/expect-config-issues.ts';
import { useTempDir } from './__fixtures__/temp-dir.ts';
import { loadConfig } from './load-config.ts';
import { applyConfigPatch, parseConfig } from './parse-config.ts';

const temp = useTempDir();
const FILE_KEY = 'csk-key-fields-file-000000';

describe('key fields: apiKey, apiKeyFile, apiKeyProvider', () => {
  it('records the file CEREBRAS_API_KEY_FILE named, next to the key read from it', () => {
    const path = temp.write('key', FILE_KEY);
    const config = loadConfig({ env: { CEREBRAS_API_KEY_FILE: path, ACPT_MOCK_MODE: 'false' } });
    expect(config.apiKey?.reveal()).toBe(FILE_KEY);
    expect(config.apiKeyFile).toBe(path);
    expect(config.apiKeySource).toBe(`file ${path}`);
  });

  it('reads the key from apiKeyFile set in a configuration file, with the same permission rules', () => {
    const path = temp.write('secret/key', FILE_KEY);
    const file = temp.write('acpt.json', JSON.stringify({ mockMode: false, apiKeyFile: 'secret/key' }));
    const config = loadConfig({ file, env: {}, cwd: temp.path() });
    expect(config.apiKey?.reveal()).toBe(FILE_KEY);
    expect(config.apiKeyFile).toBe(path);
    temp.write('secret/key', FILE_KEY, 0o644);
    const issue = issueAt(
      issuesOf(() => loadConfig({ file, env: {}, cwd: temp.path() })),
      'apiKeyFile',
    );
    expect(issue.received).toContain('readable by every user');
    expect(JSON.stringify(issue)).not.toContain(FILE_KEY);
  });

  it('lets the layer that sets the key replace every key field of earlier layers', () => {
    const path = temp.write('key', FILE_KEY);
    const config = loadConfig({
      env: { CEREBRAS_API_KEY_FILE: path },
      overrides: { mockMode: false, apiKey: 'csk-override-key-0000' },
    });
    expect(config.apiKey?.reveal()).toBe('csk-override-key-0000');
    expect(config.apiKeyFile).toBeUndefined();
    expect(config.apiKeySource).toBe('override');
  });

  it('turns a function or a { get, ttlMs } object into an ApiKeyProvider, with no apiKey', async () => {
    const fromFunction = parseConfig({ mockMode: false, apiKey: async () => 'csk-from-function-0000' });
    expect(fromFunction.apiKey).toBeUndefined();
    expect(isApiKeyProvider(fromFunction.apiKeyProvider)).toBe(true);
    expect((await fromFunction.apiKeyProvider?.getKey())?.reveal()).toBe('csk-from-function-0000');
    const fromObject = parseConfig({
      mockMode: false,
      apiKey: { get: () => 'csk-from-object-0000', ttlMs: 60_000, name: 'vault kv/cerebras' },
    });
    expect(fromObject.apiKeyProvider?.status()).toMatchObject({ source: 'provider vault kv/cerebras', ttlMs: 60_000 });
    const patched = applyConfigPatch(fromObject, { retry: { maxRetries: 0 } });
    expect(patched.apiKeyProvider).toBe(fromObject.apiKeyProvider);
    const replaced = applyConfigPatch(fromObject, { apiKey: 'csk-static-again-0000' });
    expect(replaced.apiKeyProvider).toBeUndefined();
    expect(replaced.apiKey?.reveal()).toBe('csk-static-again-0000');
  });

  it('refuses bad provider timings and objects without get()', () => {
    const issue = issueAt(
      issuesOf(() => parseConfig({ mockMode: false, apiKey: { get: () => 'k', ttlMs: -5 } })),
      'apiKeyProvider',
    );
    expect(issue.expected).toContain('positive');
    expect(() => parseConfig({ mockMode: false, apiKey: { fetch: () => 'k' } })).toThrow(/apiKey/);
  });

  it('accepts env, none or a proxy URL as connection.proxy and masks proxy credentials in issues', () => {
    expect(parseConfig({ connection: { proxy: 'http://u:p@proxy:3128' } }).connection.proxy).toBe(
      'http://u:p@proxy:3128',
    );
    const issue = issueAt(
      issuesOf(() => parseConfig({ connection: { proxy: 'ftp://user:hunter2@proxy' } })),
      'connection.proxy',
    );
    expect(issue.received).not.toContain('hunter2');
  });
});
