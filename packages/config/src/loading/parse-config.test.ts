import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/default-config.ts';
import { Secret } from '../secret/secret.ts';
import { issueAt, issuesOf } from './__fixtures__/expect-config-issues.ts';
import { applyConfigPatch, parseConfig } from './parse-config.ts';
import { configSourceOf } from './provenance.ts';

const override = { kind: 'override' };

describe('parseConfig', () => {
  it('fills every default and deep-freezes the result', () => {
    const config = parseConfig({});
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.retry)).toBe(true);
    expect(Object.isFrozen(config.metadata)).toBe(true);
    expect(() => {
      (config.retry as { maxRetries: number }).maxRetries = 9;
    }).toThrow(TypeError);
  });

  it('keeps given values and merges groups field by field', () => {
    const config = parseConfig({ retry: { maxRetries: 0 }, latencyBudget: { mode: 'hard' }, metadata: { run: 'a' } });
    expect(config.retry).toEqual({ ...DEFAULT_CONFIG.retry, maxRetries: 0 });
    expect(config.latencyBudget).toEqual({ ms: 5000, mode: 'hard' });
    expect(config.metadata).toEqual({ run: 'a' });
  });

  it.each([
    ['timeouts.connectMs', { timeouts: { connectMs: 0 } }, 'an integer from 1 to 600000 (milliseconds)', '0'],
    ['timeouts.totalMs', { timeouts: { totalMs: -5 } }, 'an integer from 1 to 86400000 (milliseconds)', '-5'],
    ['timeouts.idleMs', { timeouts: { idleMs: 1.5 } }, 'an integer from 1 to 3600000 (milliseconds)', '1.5'],
    ['batching.batchSize', { batching: { batchSize: 0 } }, 'an integer from 1 to 1000', '0'],
    ['retry.jitter', { retry: { jitter: 1.01 } }, 'a number from 0 to 1', '1.01'],
    ['retry.multiplier', { retry: { multiplier: 0.5 } }, 'a number from 1 to 10', '0.5'],
    ['retry.maxRetries', { retry: { maxRetries: 11 } }, 'an integer from 0 to 10', '11'],
    ['retry.maxRetries', { retry: { maxRetries: Number.NaN } }, 'an integer from 0 to 10', 'NaN'],
    ['retry.maxRetries', { retry: { maxRetries: '3' } }, 'an integer from 0 to 10', '"3"'],
    [
      'maxCompletionTokens',
      { maxCompletionTokens: Number.POSITIVE_INFINITY },
      'an integer from 1 to 1048576',
      'Infinity',
    ],
    ['latencyBudget.mode', { latencyBudget: { mode: 'strict' } }, 'one of "soft", "hard"', '"strict"'],
    ['fallback', { fallback: 'retry' }, 'one of "mock", "throw"', '"retry"'],
    ['streaming', { streaming: 'yes' }, 'true or false', '"yes"'],
    ['mock.seed', { mock: { seed: -1 } }, 'an integer from 0 to 4294967295', '-1'],
    ['apiVersionPatch', { apiVersionPatch: 0 }, 'an integer from 1 to 100', '0'],
    ['timeouts', { timeouts: 5000 }, 'an object of timeouts settings', '5000'],
    ['retry', { retry: [] }, 'an object of retry settings', 'an array'],
    [
      'metadata.nested',
      { metadata: { nested: { a: 1 } } },
      'a string (at most 1024 characters), a finite number or a boolean',
      'an object',
    ],
    ['', [], 'an object of configuration fields', 'an array'],
    ['', null, 'an object of configuration fields', 'null'],
  ])('refuses %s = %j', (path, input, expected, received) => {
    const issue = issueAt(
      issuesOf(() => parseConfig(input)),
      path,
    );
    expect(issue).toEqual({
      path,
      expected,
      received,
      source: override,
      message: `expected ${expected}, received ${received}`,
    });
  });

  it('lists every problem at once', () => {
    const issues = issuesOf(() =>
      parseConfig({ timeouts: { connectMs: 0, idleMs: -1 }, batching: { batchSize: 0 }, retry: { jitter: 2 } }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      'timeouts.connectMs',
      'timeouts.idleMs',
      'retry.jitter',
      'batching.batchSize',
    ]);
  });

  it('names every unknown key, at any level, with the nearest valid key', () => {
    const issues = issuesOf(() =>
      parseConfig({ modle: 'x', retry: { max_retries: 3, jiter: 0.5 }, batching: { batchsize: 4 } }),
    );
    expect(issues.map((issue) => issue.message)).toEqual([
      'unknown key "modle"; did you mean "model"?',
      'unknown key "max_retries"; did you mean "maxRetries"?',
      'unknown key "jiter"; did you mean "jitter"?',
      'unknown key "batchsize"; did you mean "batchSize"?',
    ]);
    expect(issueAt(issues, 'retry.jiter').expected).toMatch(/^a key of retry \(maxRetries, initialBackoffMs/);
    expect(issueAt(issues, 'modle').received).toBe('unknown key "modle"');
  });

  it('treats names inherited from Object.prototype as unknown keys', () => {
    const issues = issuesOf(() => parseConfig({ valueOf: { connectMs: 0 }, retry: { constructor: 1, toString: 2 } }));
    expect(issues.map((issue) => issue.path)).toEqual(['valueOf', 'retry.constructor', 'retry.toString']);
  });

  it('refuses metadata keys that could touch prototypes', () => {
    const issues = issuesOf(() => parseConfig({ metadata: JSON.parse('{"__proto__": {"x": 1}, "constructor": "y"}') }));
    expect(issues.map((issue) => issue.path)).toEqual(['metadata.__proto__', 'metadata.constructor']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('allows at most 64 metadata entries', () => {
    const metadata = Object.fromEntries(Array.from({ length: 65 }, (_, index) => [`k${index}`, index]));
    expect(
      issueAt(
        issuesOf(() => parseConfig({ metadata })),
        'metadata',
      ).expected,
    ).toBe('at most 64 metadata entries');
  });

  it('needs an API key in live mode, naming the source of mockMode', () => {
    const issue = issueAt(
      issuesOf(() => parseConfig({ mockMode: false })),
      'apiKey',
    );
    expect(issue.expected).toMatch(/^an API key, because mockMode is false: set CEREBRAS_API_KEY/);
    expect(issue.received).toBe('(not set)');
    expect(parseConfig({ mockMode: false, apiKey: 'csk-live' }).mockMode).toBe(false);
  });

  it('refuses an initial backoff above the maximum backoff', () => {
    const issue = issueAt(
      issuesOf(() => parseConfig({ retry: { maxBackoffMs: 100 } })),
      'retry.initialBackoffMs',
    );
    expect(issue.expected).toBe('an integer no larger than retry.maxBackoffMs (100)');
    expect(issue.received).toBe('250');
  });

  it('wraps the key in a Secret, trims it and refuses blanks, spaces and line breaks', () => {
    expect(parseConfig({ apiKey: '  csk-abc  ' }).apiKey?.reveal()).toBe('csk-abc');
    const secret = new Secret('csk-given');
    expect(parseConfig({ apiKey: secret }).apiKey?.reveal()).toBe('csk-given');
    for (const apiKey of ['', '   ', 'csk a', 'csk-a\nb', 42, new Secret('')]) {
      const issue = issueAt(
        issuesOf(() => parseConfig({ apiKey })),
        'apiKey',
      );
      expect(issue.received).toBe('[redacted]');
    }
  });

  it('records apiKeySource from the key, and drops it without a key', () => {
    expect(parseConfig({ apiKey: 'csk-abc' }).apiKeySource).toBe('override');
    expect(parseConfig({ apiKey: 'csk-abc' }, { kind: 'env', name: 'X' }).apiKeySource).toBe('env X');
    expect(parseConfig({ apiKeySource: 'somewhere' }).apiKeySource).toBeUndefined();
  });

  it('accepts model ids and refuses blank or spaced ones', () => {
    expect(parseConfig({ model: ' qwen-3.8-27b ' }).model).toBe('qwen-3.8-27b');
    expect(parseConfig({ model: 'org/model:v1_2' }).model).toBe('org/model:v1_2');
    for (const model of ['', 'gpt oss', '-x', 'x'.repeat(201)]) {
      expect(
        issueAt(
          issuesOf(() => parseConfig({ model })),
          'model',
        ).expected,
      ).toMatch(/^a model id such as gpt-oss-120b/);
    }
  });

  it('names the given source', () => {
    const source = { kind: 'file', path: './acpt.json' } as const;
    expect(
      issueAt(
        issuesOf(() => parseConfig({ retry: { jitter: 3 } }, source)),
        'retry.jitter',
      ).source,
    ).toEqual(source);
  });
});

describe('applyConfigPatch', () => {
  it('returns a new frozen config and leaves the original alone', () => {
    const base = parseConfig({ retry: { maxRetries: 1 } });
    const patched = applyConfigPatch(base, { retry: { maxRetries: 4 }, batching: { maxWaitMs: 0 } });
    expect(patched.retry.maxRetries).toBe(4);
    expect(patched.batching.maxWaitMs).toBe(0);
    expect(base.retry.maxRetries).toBe(1);
    expect(Object.isFrozen(patched.batching)).toBe(true);
  });

  it('validates the patch like any input, naming it as an override', () => {
    const base = parseConfig({ retry: { maxRetries: 1 } }, { kind: 'file', path: 'a.json' });
    const issues = issuesOf(() => applyConfigPatch(base, { retry: { jitter: 5 }, batchng: {} } as never));
    expect(issues.map((issue) => [issue.path, issue.source])).toEqual([
      ['batchng', override],
      ['retry.jitter', override],
    ]);
  });

  it('keeps the recorded sources of unpatched values', () => {
    const base = parseConfig({ retry: { maxRetries: 1 } }, { kind: 'file', path: 'a.json' });
    const patched = applyConfigPatch(base, { retry: { jitter: 0 } });
    expect(configSourceOf(patched, 'retry.maxRetries')).toEqual({ kind: 'file', path: 'a.json' });
    expect(configSourceOf(patched, 'retry.jitter')).toEqual(override);
    expect(configSourceOf(patched, 'retry.multiplier')).toEqual({ kind: 'default' });
  });

  it('keeps the key, re-labels a patched key, and enforces live-mode rules', () => {
    const base = parseConfig({ apiKey: 'csk-first' }, { kind: 'env', name: 'CEREBRAS_API_KEY' });
    expect(applyConfigPatch(base, { mockMode: false }).apiKeySource).toBe('env CEREBRAS_API_KEY');
    const rekeyed = applyConfigPatch(base, { apiKey: 'csk-second' });
    expect(rekeyed.apiKey?.reveal()).toBe('csk-second');
    expect(rekeyed.apiKeySource).toBe('override');
    expect(
      issueAt(
        issuesOf(() => applyConfigPatch(DEFAULT_CONFIG, { mockMode: false })),
        'apiKey',
      ).source,
    ).toEqual(override);
  });
});
