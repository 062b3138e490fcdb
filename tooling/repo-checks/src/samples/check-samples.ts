import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandError, type CommandOutput, runCommand } from '../run-command.ts';
import { repositoryRoot } from '../workspace.ts';
import type { SampleProject } from './sample-project.ts';

/** A TypeScript release the samples must compile with. */
export interface Compiler {
  readonly label: string;
  /** The `tsc` entry, run with the test's Node. */
  readonly tsc: string;
}

/** The oldest and the newest supported TypeScript (the repo's own pin sits between them). */
export const COMPILERS: readonly Compiler[] = [
  {
    label: 'TypeScript 5.9',
    tsc: join(repositoryRoot, 'tooling/repo-checks/node_modules/typescript-oldest/bin/tsc'),
  },
  {
    label: 'TypeScript 7.0',
    tsc: join(repositoryRoot, 'tooling/repo-checks/node_modules/typescript-newest/bin/tsc'),
  },
];

/** How a user's project may be set up. */
export type ProjectSettings = 'strict' | 'tsc --init';

/**
 * Writes the tsconfig of `settings` for `compiler` into the project and returns its path. `strict` is a plain strict
 * nodenext project; `tsc --init` is exactly what that compiler's `tsc --init` writes (exactOptionalPropertyTypes,
 * noUncheckedIndexedAccess, verbatimModuleSyntax…), extended only with Node's types and no emit.
 */
export async function writeTsconfig(
  project: SampleProject,
  compiler: Compiler,
  settings: ProjectSettings,
): Promise<string> {
  const slug = `${compiler.label.replace(/\W+/g, '-')}-${settings === 'strict' ? 'strict' : 'init'}`;
  const include = [...project.files.keys()];
  if (settings === 'strict') {
    const path = join(project.directory, `tsconfig.${slug}.json`);
    const compilerOptions = {
      strict: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2023',
      lib: ['es2023'],
      types: ['node'],
      skipLibCheck: true,
      noEmit: true,
    };
    writeFileSync(path, `${JSON.stringify({ compilerOptions, files: include }, null, 2)}\n`);
    return path;
  }
  const initFolder = join(project.directory, `init-${slug}`);
  mkdirSync(initFolder, { recursive: true });
  await runCommand(process.execPath, [compiler.tsc, '--init'], { cwd: initFolder });
  const path = join(project.directory, `tsconfig.${slug}.json`);
  const config = {
    extends: `./init-${slug}/tsconfig.json`,
    compilerOptions: { types: ['node'], noEmit: true, rootDir: '.' },
    files: include,
  };
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

/** Runs `tsc -p` and returns its diagnostics, one per line, with sample files named by their markdown origin. */
export async function typeErrors(project: SampleProject, compiler: Compiler, tsconfig: string): Promise<string[]> {
  let output: CommandOutput;
  try {
    output = await runCommand(process.execPath, [compiler.tsc, '-p', tsconfig, '--pretty', 'false'], {
      cwd: project.directory,
      timeoutMs: 120_000,
    });
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    output = error;
  }
  const lines = `${output.stdout}\n${output.stderr}`.split('\n').filter((line) => /error TS\d+/.test(line));
  return lines.map((line) => {
    const match = /^([^()]+)\((\d+),\d+\)/.exec(line);
    const sample = match?.[1] === undefined ? undefined : project.files.get(match[1].trim());
    return sample === undefined
      ? line
      : `${sample.file}:${sample.line + Number(match?.[2] ?? 0)}: ${line.slice(line.indexOf('error'))}`;
  });
}
