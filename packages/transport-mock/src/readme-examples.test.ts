import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);
const directory = mkdtempSync(join(tmpdir(), 'acpt-readme-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const replacements: Record<string, string> = {
  '@acpt/transport-mock': pathToFileURL(fileURLToPath(new URL('./index.ts', import.meta.url))).href,
  '@cerebras/cerebras_cloud_sdk': new URL('../node_modules/@cerebras/cerebras_cloud_sdk/index.mjs', import.meta.url)
    .href,
};

describe('README examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  it.each(blocks.map((code, index) => [index + 1, code] as const))('example %i runs', async (index, code) => {
    const file = join(directory, `example-${index}.ts`);
    writeFileSync(
      file,
      code.replace(/from '([^']+)'/g, (whole, name: string) =>
        replacements[name] ? `from '${replacements[name]}'` : whole,
      ),
    );
    const { stdout } = await run(process.execPath, ['--conditions=@acpt/source', file], { timeout: 20_000 });
    expect(stdout.length).toBeGreaterThan(0);
  });
});
