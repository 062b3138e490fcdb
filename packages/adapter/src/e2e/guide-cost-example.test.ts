import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const guide = readFileSync(fileURLToPath(new URL('../../../../docs/integration-guide.md', import.meta.url)), 'utf8');

describe('the integration guide cost example', () => {
  it('runs as printed and prints what the guide shows', () => {
    const section = guide.slice(guide.indexOf('### Worked example: prices and a spend limit'));
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    const shown = /It prints:\n\n```text\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toBeDefined();
    expect(shown).toBeDefined();
    const run = spawnSync(process.execPath, ['--conditions=@acpt/source', '--input-type=module', '-e', code ?? ''], {
      cwd: packageDir,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(shown);
  });
});
