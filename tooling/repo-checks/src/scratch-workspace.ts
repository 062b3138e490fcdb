import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { publishedPackages, repositoryRoot } from './workspace.ts';

/**
 * A scratch copy of the repository as it stands (tracked and untracked, not ignored files; the published packages'
 * built `dist/` too), committed into a fresh git repository of its own, so release steps can run on it as the release
 * workflow would, without touching the workspace.
 */
export function scratchRepositoryCopy(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(repositoryRoot, file)));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(repositoryRoot, file), join(root, file), { verbatimSymlinks: true });
  }
  for (const folder of publishedPackages) {
    cpSync(join(repositoryRoot, 'packages', folder, 'dist'), join(root, 'packages', folder, 'dist'), {
      recursive: true,
    });
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=ci@example.invalid', '-c', 'user.name=ci', ...args], {
      cwd: root,
      stdio: 'pipe',
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'scratch');
  return root;
}
