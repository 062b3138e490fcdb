import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../config/default-config.ts';
import { issueAt, issuesOf } from './__fixtures__/expect-config-issues.ts';
import { useTempDir } from './__fixtures__/temp-dir.ts';
import { loadConfig } from './load-config.ts';
import { configSourceOf } from './provenance.ts';

const temp = useTempDir();
const env = (name: string) => ({ kind: 'env', name });

describe('loadConfig: precedence and provenance', () => {
  it('gives the defaults in mock mode when nothing is set', () => {
    const config = loadConfig({ env: {} });
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(Object.isFrozen(config.timeouts)).toBe(true);
  });

  it('merges defaults < file < environment < overrides, recording each source', () => {
    const file = temp.write(
      'acpt.json',
      JSON.stringify({ retry: { maxRetries: 1, jitter: 0.5 }, model: 'from-file', streaming: false }),
    );
    const config = loadConfig({
      file,
      env: { ACPT_MAX_RETRIES: '3', CEREBRAS_MODEL: 'from-env', ACPT_BATCH_SIZE: '4' },
      overrides: { model: 'from-override' },
    });
    expect(config.retry).toMatchObject({ maxRetries: 3, jitter: 0.5, multiplier: 2 });
    expect(config.model).toBe('from-override');
    expect(config.streaming).toBe(false);
    expect(config.batching.batchSize).toBe(4);
    expect(configSourceOf(config, 'retry.maxRetries')).toEqual(env('ACPT_MAX_RETRIES'));
    expect(configSourceOf(config, 'retry.jitter')).toEqual({ kind: 'file', path: file });
    expect(configSourceOf(config, 'retry.multiplier')).toEqual({ kind: 'default' });
    expect(configSourceOf(config, 'model')).toEqual({ kind: 'override' });
  });

  it('names the source of each bad value: file, env var or override', () => {
    const file = temp.write('acpt.json', JSON.stringify({ retry: { jitter: 7 } }));
    const issues = issuesOf(() =>
      loadConfig({ file, env: { ACPT_MAX_RETRIES: 'abc' }, overrides: { batching: { batchSize: 0 } } }),
    );
    expect(issueAt(issues, 'retry.jitter').source).toEqual({ kind: 'file', path: file });
    expect(issueAt(issues, 'retry.maxRetries')).toEqual({
      path: 'retry.maxRetries',
      expected: 'an integer from 0 to 10',
      received: '"abc"',
      source: env('ACPT_MAX_RETRIES'),
      message: 'expected an integer from 0 to 10, received "abc"',
    });
    expect(issueAt(issues, 'batching.batchSize').source).toEqual({ kind: 'override' });
  });

  it('merges metadata key by key and blames the layer that last touched it as a whole', () => {
    const file = temp.write('acpt.json', JSON.stringify({ metadata: { a: 1 } }));
    const config = loadConfig({ file, env: { ACPT_METADATA: '{"b":"x"}' } });
    expect(config.metadata).toEqual({ a: 1, b: 'x' });
    expect(configSourceOf(config, 'metadata.a')).toEqual({ kind: 'file', path: file });
    expect(configSourceOf(config, 'metadata.b')).toEqual(env('ACPT_METADATA'));
    const many = JSON.stringify(Object.fromEntries(Array.from({ length: 65 }, (_, index) => [`k${index}`, index])));
    expect(
      issueAt(
        issuesOf(() => loadConfig({ file, env: { ACPT_METADATA: many } })),
        'metadata',
      ).source,
    ).toEqual(env('ACPT_METADATA'));
  });

  it('blames a later layer for a file value that is valid alone but not with it', () => {
    const file = temp.write('acpt.json', JSON.stringify({ retry: { initialBackoffMs: 1000 } }));
    const issue = issueAt(
      issuesOf(() => loadConfig({ file, env: { ACPT_MAX_BACKOFF_MS: '500' } })),
      'retry.initialBackoffMs',
    );
    expect(issue.source).toEqual(env('ACPT_MAX_BACKOFF_MS'));
  });
});

describe('loadConfig: environment', () => {
  it('reads every kind of value', () => {
    const config = loadConfig({
      env: {
        ACPT_MOCK_MODE: 'FALSE',
        CEREBRAS_API_KEY: ' csk-env-key ',
        CEREBRAS_BASE_URL: 'http://localhost:8080/',
        ACPT_JITTER: '0.25',
        ACPT_HTTP2: 'true',
        ACPT_LATENCY_BUDGET_MODE: 'hard',
        ACPT_METADATA: '{"run":"a","n":2}',
        ACPT_API_VERSION_PATCH: '2',
        ACPT_TIMEOUT_UNKNOWN: 'ignored',
      },
    });
    expect(config.mockMode).toBe(false);
    expect(config.apiKey?.reveal()).toBe('csk-env-key');
    expect(config.apiKeySource).toBe('env CEREBRAS_API_KEY');
    expect(config.baseUrl).toBe('http://localhost:8080');
    expect(config.retry.jitter).toBe(0.25);
    expect(config.connection.http2).toBe(true);
    expect(config.latencyBudget.mode).toBe('hard');
    expect(config.metadata).toEqual({ run: 'a', n: 2 });
    expect(config.apiVersionPatch).toBe(2);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ env: { ACPT_MAX_RETRIES: '', CEREBRAS_MODEL: '  ', ACPT_CONFIG_FILE: '' } })).toEqual(
      DEFAULT_CONFIG,
    );
  });

  it.each([
    ['ACPT_MOCK_MODE', 'yes', 'mockMode', 'true or false', '"yes"'],
    ['ACPT_STREAMING', '1', 'streaming', 'true or false', '"1"'],
    ['ACPT_BATCH_SIZE', '0', 'batching.batchSize', 'an integer from 1 to 1000', '0'],
    ['ACPT_BATCH_SIZE', '0x10', 'batching.batchSize', 'an integer from 1 to 1000', '"0x10"'],
    ['ACPT_JITTER', '1.5', 'retry.jitter', 'a number from 0 to 1', '1.5'],
    ['ACPT_CONNECT_TIMEOUT_MS', '-1', 'timeouts.connectMs', 'an integer from 1 to 600000 (milliseconds)', '-1'],
    ['ACPT_FALLBACK', 'retry', 'fallback', 'one of "mock", "throw"', '"retry"'],
    ['ACPT_METADATA', '{bad', 'metadata', 'a JSON object such as {"run":"a"}', 'text that is not valid JSON'],
    ['ACPT_METADATA', '[1]', 'metadata', 'an object of metadata values', 'an array'],
    [
      'CEREBRAS_BASE_URL',
      'http://example.com',
      'baseUrl',
      'an https:// URL (http:// is allowed only for loopback hosts: 127.0.0.0/8, ::1, localhost)',
      '"http://example.com"',
    ],
  ])('%s=%s is reported against the variable', (name, value, path, expected, received) => {
    const issue = issueAt(
      issuesOf(() => loadConfig({ env: { [name]: value } })),
      path,
    );
    expect(issue).toMatchObject({ expected, received, source: env(name) });
  });

  it('fails in live mode without a key, naming ACPT_MOCK_MODE', () => {
    const issue = issueAt(
      issuesOf(() => loadConfig({ env: { ACPT_MOCK_MODE: 'false' } })),
      'apiKey',
    );
    expect(issue.source).toEqual(env('ACPT_MOCK_MODE'));
    expect(issue.message).toMatch(/set CEREBRAS_API_KEY or CEREBRAS_API_KEY_FILE, or ACPT_MOCK_MODE=true/);
  });

  it('reads process.env when no env is given', () => {
    vi.stubEnv('ACPT_MOCK_SEED', '42');
    expect(loadConfig().mock.seed).toBe(42);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });
});

describe('loadConfig: key file', () => {
  it('reads and trims the key, recording the file as its source', () => {
    const file = temp.write('secrets/cerebras', '  csk-from-file\n', 0o600);
    const config = loadConfig({ env: { CEREBRAS_API_KEY_FILE: file, ACPT_MOCK_MODE: 'false' } });
    expect(config.apiKey?.reveal()).toBe('csk-from-file');
    expect(config.apiKeySource).toBe(`file ${file}`);
    expect(configSourceOf(config, 'apiKey')).toEqual(env('CEREBRAS_API_KEY_FILE'));
  });

  it('resolves a relative key file against cwd', () => {
    temp.write('key', 'csk-relative', 0o400);
    expect(loadConfig({ cwd: temp.path(), env: { CEREBRAS_API_KEY_FILE: 'key' } }).apiKey?.reveal()).toBe(
      'csk-relative',
    );
  });

  it.each([
    ['world-readable', () => temp.write('key', 'csk-x', 0o644), /not world-readable \(run: chmod 600 /, /mode 644/],
    ['empty', () => temp.write('key', ' \n', 0o600), /holding the API key/, /\(empty\)$/],
    ['missing', () => `${temp.path()}/none`, /a readable file/, /\(not found\)$/],
    ['a directory', () => temp.path(), /a regular file/, /\(not a regular file\)$/],
  ])('refuses a %s key file with a clear message', (_, make, expected, received) => {
    const file = make();
    const issue = issueAt(
      issuesOf(() => loadConfig({ env: { CEREBRAS_API_KEY_FILE: file } })),
      'apiKey',
    );
    expect(issue.source).toEqual(env('CEREBRAS_API_KEY_FILE'));
    expect(issue.expected).toMatch(expected);
    expect(issue.received).toMatch(received);
  });

  it('refuses a key file holding more than one line', () => {
    const file = temp.write('key', 'csk-a\ncsk-b\n');
    const issue = issueAt(
      issuesOf(() => loadConfig({ env: { CEREBRAS_API_KEY_FILE: file } })),
      'apiKey',
    );
    expect(issue).toMatchObject({ received: '[redacted]', source: env('CEREBRAS_API_KEY_FILE') });
  });

  it('refuses both CEREBRAS_API_KEY and CEREBRAS_API_KEY_FILE', () => {
    const file = temp.write('key', 'csk-file');
    const issue = issueAt(
      issuesOf(() => loadConfig({ env: { CEREBRAS_API_KEY: 'csk-env', CEREBRAS_API_KEY_FILE: file } })),
      'apiKey',
    );
    expect(issue.expected).toBe('only one of CEREBRAS_API_KEY and CEREBRAS_API_KEY_FILE (unset one of them)');
  });
});
