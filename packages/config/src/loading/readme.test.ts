import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/default-config.ts';
import { ENVIRONMENT_VARIABLES } from './environment-variables.ts';
import { parseConfig } from './parse-config.ts';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(`${packageDir}/README.md`, 'utf8');

/** Runs the README's example as a user would, with only the given environment. */
function runExample(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const code = /## Example\n\n```js\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(code).toBeDefined();
  const result = spawnSync(process.execPath, ['--conditions=@acpt/source', '--input-type=module', '-e', code ?? ''], {
    cwd: packageDir,
    env,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('README example', () => {
  it('runs in mock mode with no key at all', () => {
    const run = runExample({});
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('mock mode\nmodel gpt-oss-120b (default)\napiKey prints as null\n');
  });

  it('names the source of a value', () => {
    expect(runExample({ CEREBRAS_MODEL: 'qwen-3.8-27b' }).stdout).toContain('model qwen-3.8-27b (env CEREBRAS_MODEL)');
  });

  it('runs in live mode with CEREBRAS_API_KEY and never prints the key', () => {
    const run = runExample({ ACPT_MOCK_MODE: 'false', CEREBRAS_API_KEY: 'csk-readme-not-a-real-key' });
    expect(run.stdout).toContain('live mode, key from env CEREBRAS_API_KEY');
    expect(run.stdout).toContain('apiKey prints as "[redacted]"');
    expect(run.stdout + run.stderr).not.toContain('csk-readme');
  });

  it('fails in live mode without a key, with the message the README shows', () => {
    const run = runExample({ ACPT_MOCK_MODE: 'false' });
    expect(run.status).toBe(1);
    const shown = /The last one prints, and exits with 1:\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(run.stderr).toBe(shown);
  });
});

describe('README environment table', () => {
  const valueAt = (path: string): unknown =>
    path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], DEFAULT_CONFIG);

  /** The table's rows as trimmed cells, keyed by variable name (however the table is padded). */
  const rows = new Map(
    readme
      .split('\n')
      .filter((line) => /^\|\s*`(CEREBRAS|ACPT)_/.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      )
      .map((cells) => [(cells[0] ?? '').replaceAll('`', ''), cells] as const),
  );

  it.each(ENVIRONMENT_VARIABLES.map((variable) => [variable.name, variable] as const))(
    'documents %s',
    (name, variable) => {
      const cells = rows.get(name);
      expect(cells, `README row for ${name}`).toBeDefined();
      expect(cells?.[1]).toBe(variable.path === undefined ? '—' : `\`${variable.path}\``);
      const value = variable.path === undefined ? undefined : valueAt(variable.path);
      const documented =
        value === undefined ? '(none)' : `\`${typeof value === 'object' ? JSON.stringify(value) : value}\``;
      expect(cells?.[3]).toBe(documented);
    },
  );

  it('documents no variable the loader does not read', () => {
    expect([...rows.keys()]).toEqual(ENVIRONMENT_VARIABLES.map((variable) => variable.name));
  });
});

describe('README file format example', () => {
  it('is a valid configuration file', () => {
    const json = /## File format[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const config = parseConfig(JSON.parse(json), { kind: 'file', path: 'README.md' });
    expect(config.metadata).toEqual({ experiment: 'ris-v2i', run: 7 });
  });
});
