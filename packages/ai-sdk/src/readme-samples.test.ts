import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repositoryRoot = resolve(packageRoot, '../..');
const scratch = join(packageRoot, '.readme-samples');

/** What `tsc --init` (TypeScript 6) writes, without emit: strict, exactOptionalPropertyTypes, nodenext, … */
const TSC_INIT_DEFAULTS = {
  module: 'nodenext',
  target: 'esnext',
  types: [],
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  strict: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noUncheckedSideEffectImports: true,
  moduleDetection: 'force',
  skipLibCheck: true,
  noEmit: true,
};

/** The ```ts blocks of a README. */
async function samples(readme: string): Promise<string[]> {
  const text = await readFile(readme, 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);
}

async function typecheck(files: readonly string[], options: Record<string, unknown>): Promise<string> {
  await writeFile(join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files }));
  try {
    await run(join(repositoryRoot, 'node_modules/.bin/tsc'), ['-p', join(scratch, 'tsconfig.json')]);
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('README samples (against the built .d.mts, as a user compiles them)', () => {
  it('the @acpt/ai-sdk and @acpt/adapter samples compile under tsc --init defaults and under plain --strict', async () => {
    await rm(scratch, { recursive: true, force: true });
    await mkdir(scratch, { recursive: true });
    const files: string[] = [];
    for (const [name, readme] of [
      ['ai-sdk', join(packageRoot, 'README.md')],
      ['adapter', join(repositoryRoot, 'packages/adapter/README.md')],
    ] as const) {
      for (const [index, sample] of (await samples(readme)).entries()) {
        const file = `${name}-${index}.mts`;
        await writeFile(join(scratch, file), `import process from 'node:process';\nvoid process;\n${sample}`);
        files.push(file);
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(await typecheck(files, TSC_INIT_DEFAULTS)).toBe('');
    // Plain --strict, with @types/node. skipLibCheck as in tsc --init: the AI SDK's own .d.ts reference `Buffer` and
    // the untyped `json-schema` module, which fail any strict lib check, whichever provider is used.
    const strict = { module: 'nodenext', target: 'es2023', strict: true, types: ['node'], skipLibCheck: true };
    expect(await typecheck(files, { ...strict, noEmit: true })).toBe('');
  }, 120_000);
});
