import { describe, expect, it } from 'vitest';
import { issueAt, issuesOf } from './__fixtures__/expect-config-issues.ts';
import { PEM_CERTIFICATE, useTempDir } from './__fixtures__/temp-dir.ts';
import { loadConfig } from './load-config.ts';

const temp = useTempDir();

describe('loadConfig: configuration file', () => {
  it('reads the file named by ACPT_CONFIG_FILE, relative to cwd', () => {
    temp.write('conf/acpt.json', JSON.stringify({ batching: { queueLimit: 50 } }));
    const config = loadConfig({ cwd: temp.path(), env: { ACPT_CONFIG_FILE: 'conf/acpt.json' } });
    expect(config.batching.queueLimit).toBe(50);
  });

  it('prefers the file option over ACPT_CONFIG_FILE', () => {
    const chosen = temp.write('a.json', JSON.stringify({ mock: { seed: 1 } }));
    const ignored = temp.write('b.json', JSON.stringify({ mock: { seed: 2 } }));
    expect(loadConfig({ file: chosen, env: { ACPT_CONFIG_FILE: ignored } }).mock.seed).toBe(1);
  });

  it('reports every unknown key of the file with the nearest valid one', () => {
    const file = temp.write(
      'acpt.json',
      JSON.stringify({ timeout: {}, retry: { backoff: 1 }, latencyBudget: { ms: 10, mod: 'hard' } }),
    );
    const issues = issuesOf(() => loadConfig({ file, env: {} }));
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['timeout', 'unknown key "timeout"; did you mean "timeouts"?'],
      ['retry.backoff', 'unknown key "backoff"; did you mean "maxBackoffMs"?'],
      ['latencyBudget.mod', 'unknown key "mod"; did you mean "mode"?'],
    ]);
    expect(issues.every((issue) => issue.source.kind === 'file')).toBe(true);
  });

  it('reports the position of a syntax error, never the text around it', () => {
    const file = temp.write('acpt.json', '{"apiKey": "csk-secret-in-broken-file" "model": 1}');
    const issue = issueAt(
      issuesOf(() => loadConfig({ file, env: {} })),
      '',
    );
    expect(issue.expected).toBe('valid JSON');
    expect(issue.received).toMatch(/^a syntax error( at position \d+)?/);
    expect(JSON.stringify(issue)).not.toContain('csk-secret');
  });

  it.each([
    ['an array', '[1, 2]', 'an object of configuration fields', 'an array'],
    ['a string', '"x"', 'an object of configuration fields', '"x"'],
  ])('refuses a file holding %s', (_, text, expected, received) => {
    const file = temp.write('acpt.json', text);
    expect(
      issueAt(
        issuesOf(() => loadConfig({ file, env: {} })),
        '',
      ),
    ).toMatchObject({ expected, received });
  });

  it('refuses a missing file, naming it', () => {
    const issue = issueAt(
      issuesOf(() => loadConfig({ file: 'missing.json', cwd: temp.path(), env: {} })),
      '',
    );
    expect(issue).toMatchObject({
      source: { kind: 'file', path: 'missing.json' },
      expected: 'a readable JSON configuration file',
    });
    expect(issue.received).toMatch(/missing\.json \(not found\)$/);
  });

  it('reports the file and the environment together', () => {
    const file = temp.write('acpt.json', '{');
    const issues = issuesOf(() => loadConfig({ file, env: { ACPT_JITTER: '3' } }));
    expect(issues.map((issue) => issue.path)).toEqual(['', 'retry.jitter']);
  });

  it('takes a key from the file only when the file is not world-readable', () => {
    const file = temp.write('acpt.json', JSON.stringify({ apiKey: 'csk-in-file', mockMode: false }), 0o600);
    const config = loadConfig({ file, env: {} });
    expect(config.apiKey?.reveal()).toBe('csk-in-file');
    expect(config.apiKeySource).toBe(`config file ${file}`);
    const open = temp.write('open.json', JSON.stringify({ apiKey: 'csk-in-file' }), 0o644);
    expect(
      issueAt(
        issuesOf(() => loadConfig({ file: open, env: {} })),
        'apiKey',
      ).expected,
    ).toMatch(/chmod 600/);
  });
});

describe('loadConfig: TLS CA file', () => {
  it('resolves a relative caFile against the config file folder and checks it is PEM', () => {
    const ca = temp.write('conf/ca.pem', PEM_CERTIFICATE, 0o644);
    const file = temp.write('conf/acpt.json', JSON.stringify({ tls: { caFile: 'ca.pem' } }));
    expect(loadConfig({ file, env: {} }).tls.caFile).toBe(ca);
  });

  it('resolves ACPT_TLS_CA_FILE and overrides against cwd', () => {
    const ca = temp.write('ca.pem', PEM_CERTIFICATE, 0o644);
    expect(loadConfig({ cwd: temp.path(), env: { ACPT_TLS_CA_FILE: 'ca.pem' } }).tls.caFile).toBe(ca);
    expect(loadConfig({ cwd: temp.path(), env: {}, overrides: { tls: { caFile: './ca.pem' } } }).tls.caFile).toBe(ca);
  });

  it('refuses a missing or non-PEM caFile, naming its source', () => {
    const missing = issueAt(
      issuesOf(() => loadConfig({ cwd: temp.path(), env: { ACPT_TLS_CA_FILE: 'nope.pem' } })),
      'tls.caFile',
    );
    expect(missing).toMatchObject({
      source: { kind: 'env', name: 'ACPT_TLS_CA_FILE' },
      expected: 'a readable PEM certificate file',
    });
    temp.write('junk.pem', 'hello');
    const junk = issueAt(
      issuesOf(() => loadConfig({ cwd: temp.path(), env: {}, overrides: { tls: { caFile: 'junk.pem' } } })),
      'tls.caFile',
    );
    expect(junk).toMatchObject({ source: { kind: 'override' } });
    expect(junk.expected).toMatch(/BEGIN CERTIFICATE/);
  });
});
