import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../workspace.ts';
import type { Sample } from './extract-samples.ts';

/** The scratch folder (ignored by git) that holds a home's extracted samples. */
export const SCRATCH_FOLDER = '.samples-check';

/** A home's scratch project: one module per sample, named after where it came from. */
export interface SampleProject {
  readonly home: string;
  readonly directory: string;
  /** Sample file name → the sample. */
  readonly files: ReadonlyMap<string, Sample>;
}

/** `packages/adapter/README.md:12` → `packages-adapter-README-12.ts`. */
export function sampleFileName(sample: Sample): string {
  return `${sample.file.replace(/\.md$/, '').replace(/[^A-Za-z0-9]+/g, '-')}-${sample.line}.ts`;
}

/**
 * Writes one scratch ESM project per home inside the home's folder (so Node and TypeScript resolve exactly what a
 * user of that package would have: its dependencies, its devDependencies and its own name), with the samples as
 * modules and a tsconfig per checked configuration.
 */
export function writeSampleProjects(samples: readonly Sample[]): SampleProject[] {
  const byHome = new Map<string, Sample[]>();
  for (const sample of samples.filter((one) => one.mode !== 'not-checked'))
    byHome.set(sample.home, [...(byHome.get(sample.home) ?? []), sample]);
  return [...byHome].map(([home, homeSamples]) => {
    const directory = join(repositoryRoot, home, SCRATCH_FOLDER);
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
    // No package.json of its own: the samples sit in the home package's scope (ESM, and its own name resolves by
    // self-reference to its published entry points).
    const files = new Map<string, Sample>();
    for (const sample of homeSamples) {
      const name = sampleFileName(sample);
      writeFileSync(join(directory, name), sample.code);
      files.set(name, sample);
    }
    return { home, directory, files };
  });
}

/** Removes every scratch project. */
export function removeSampleProjects(projects: readonly SampleProject[]): void {
  for (const project of projects) rmSync(project.directory, { recursive: true, force: true });
}
