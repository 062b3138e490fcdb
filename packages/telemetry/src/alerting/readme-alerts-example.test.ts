import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDirectory = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(`${packageDirectory}README.md`, 'utf8');
const section = readme.slice(readme.indexOf('## In-process alerts'));
const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

describe('README in-process alerts example', () => {
  it('runs as written and prints the firing it promises', () => {
    expect(example).toContain("from '@acpt/telemetry'");
    // Inside the package, so `@acpt/telemetry` resolves to itself and the other packages as its dev dependencies do.
    const file = `${packageDirectory}.readme-alerts-example-${process.pid}.ts`;
    writeFileSync(file, example);
    try {
      const env = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !/^(OTEL|ACPT|CEREBRAS)_/.test(key)),
      );
      const result = spawnSync(process.execPath, ['--conditions=@acpt/source', file], { env, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe("LLMErrorRateHigh firing 0.25 > 0.05\n[ 'LLMErrorRateHigh' ]\n");
      expect(result.status).toBe(0);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
