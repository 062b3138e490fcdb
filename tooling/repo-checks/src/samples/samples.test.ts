import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCommand } from '../run-command.ts';
import { repositoryRoot } from '../workspace.ts';
import { COMPILERS, type ProjectSettings, typeErrors, writeTsconfig } from './check-samples.ts';
import { allSamples } from './extract-samples.ts';
import { removeSampleProjects, type SampleProject, writeSampleProjects } from './sample-project.ts';

const TIMEOUT_MS = 180_000;
const samples = allSamples();
let projects: SampleProject[] = [];

beforeAll(() => {
  projects = writeSampleProjects(samples);
});
afterAll(() => removeSampleProjects(projects));

/**
 * Every ```ts block of every README and guide is what a user pastes: it must compile in a new user's project with the
 * oldest and newest supported TypeScript, both as a plain strict project and with `tsc --init`'s defaults
 * (exactOptionalPropertyTypes among them), and run (mock mode, no network) unless marked typecheck-only.
 */
describe('README and guide samples', () => {
  test('there are samples, each in a package, an app or the repository docs', () => {
    expect(samples.length).toBeGreaterThan(10);
    expect(samples.filter((sample) => sample.mode === 'run').length).toBeGreaterThan(5);
  });

  test('a sample left unchecked says why, and only third-party SDKs the repository does not install are a reason', () => {
    for (const sample of samples.filter((one) => one.mode === 'not-checked')) {
      expect(sample.marker, `${sample.file}:${sample.line}`).toMatch(/not-checked\s*[—-]\s*\S.{20,}/);
      expect(sample.marker, `${sample.file}:${sample.line}`).toMatch(/SDK/);
    }
  });

  test('every package or app with samples is built before they are checked (a dependency of this package in turbo)', () => {
    const manifest = (folder: string) =>
      JSON.parse(readFileSync(join(repositoryRoot, folder, 'package.json'), 'utf8')) as {
        name: string;
        devDependencies?: Record<string, string>;
      };
    const ours = manifest('tooling/repo-checks');
    const homes = [...new Set(samples.map((sample) => sample.home))].filter((home) => home !== 'tooling/repo-checks');
    const unordered = homes
      .map((home) => manifest(home).name)
      .filter((name) => ours.devDependencies?.[name] !== 'workspace:*');
    // Samples import their package by name, which resolves to its dist: without the dependency turbo may run this
    // test before that build and the check races it.
    expect(unordered, 'add these to tooling/repo-checks devDependencies as "workspace:*"').toEqual([]);
  });

  describe.each(COMPILERS)('$label', (compiler) => {
    test.each<ProjectSettings>(['strict', 'tsc --init'])(
      'type-check in a %s project',
      async (settings) => {
        const errors: string[] = [];
        for (const project of projects) {
          const tsconfig = await writeTsconfig(project, compiler, settings);
          errors.push(...(await typeErrors(project, compiler, tsconfig)));
        }
        expect(errors).toEqual([]);
      },
      TIMEOUT_MS,
    );
  });

  test(
    'the runnable ones run to completion on Node in mock mode',
    async () => {
      const failures: string[] = [];
      for (const project of projects) {
        for (const [name, sample] of project.files) {
          if (sample.mode !== 'run') continue;
          try {
            await runCommand(process.execPath, [join(project.directory, name)], {
              cwd: project.directory,
              timeoutMs: 30_000,
              env: { ACPT_MOCK_MODE: '', CEREBRAS_API_KEY: '', CEREBRAS_API_KEY_FILE: '', ACPT_CONFIG_FILE: '' },
            });
          } catch (error) {
            failures.push(
              `${sample.file}:${sample.line}: ${(error as Error).message.split('\n').slice(0, 6).join(' | ')}`,
            );
          }
        }
      }
      expect(failures).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
