import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repositoryRoot } from '../workspace.ts';

/** What a sample may be used for, from the HTML comment right above its fence. */
export type SampleMode = 'run' | 'typecheck' | 'not-checked';

/** One TypeScript code block of a README or guide. */
export interface Sample {
  /** The markdown file, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The code. */
  readonly code: string;
  /**
   * `run` (the default): type-checked, then run with Node in mock mode; `typecheck`: only type-checked, for samples
   * that need a live key, a network or a long-running process (`<!-- sample: typecheck-only … -->` above the fence);
   * `not-checked`: neither, for samples built on third-party SDKs the repository does not install
   * (`<!-- sample: not-checked — why -->`, the reason required).
   */
  readonly mode: SampleMode;
  /**
   * The folder whose dependencies the sample may import: the package or app that owns the README (so its own name
   * resolves by self-reference and its devDependencies are there), `tooling/repo-checks` for repository docs.
   */
  readonly home: string;
  /** The marker's text, when there is one. */
  readonly marker: string | undefined;
}

const fence = /^```(ts|typescript)\s*$/;
const marker = /^<!--\s*sample:\s*(typecheck-only|not-checked)\b(.*)-->\s*$/;

/** The markdown files whose code blocks users copy: every README and every guide under docs/. */
export function sampleFiles(): string[] {
  const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '*.md'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
  });
  return tracked
    .split('\n')
    .filter((file) => /(^|\/)README\.md$/.test(file) || /^docs\/.*\.md$/.test(file))
    .filter((file) => !file.startsWith('.changeset/') && !file.includes('node_modules/'))
    .sort();
}

function homeOf(file: string): string {
  const folder = dirname(file);
  return /^(packages|apps)\/[^/]+$/.test(folder) ? folder : 'tooling/repo-checks';
}

/** Every ```ts block of `file`, with its mode and home. */
export function extractSamples(file: string): Sample[] {
  const lines = readFileSync(join(repositoryRoot, file), 'utf8').split('\n');
  const samples: Sample[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!fence.test(lines[index] ?? '')) continue;
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !/^```\s*$/.test(lines[index] ?? ''); index++) body.push(lines[index] ?? '');
    let previous = start - 1;
    while (previous >= 0 && (lines[previous] ?? '').trim() === '') previous--;
    const match = marker.exec(lines[previous] ?? '');
    const mode: SampleMode = match === null ? 'run' : match[1] === 'typecheck-only' ? 'typecheck' : 'not-checked';
    const code = `${body.join('\n')}\n`;
    samples.push({ file, line: start + 1, code, mode, home: homeOf(file), marker: match?.[0] });
  }
  return samples;
}

/** Every sample of every README and guide. */
export function allSamples(): Sample[] {
  return sampleFiles().flatMap(extractSamples);
}
