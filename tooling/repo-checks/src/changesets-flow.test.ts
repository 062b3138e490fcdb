import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { publishedPackages, readManifest, repositoryRoot } from './workspace.ts';

const changesetBin = join(repositoryRoot, 'node_modules', '.bin', 'changeset');

/** Copies the workspace's manifests and changesets config into a scratch git repository. */
function scratchWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'acpt-changesets-'));
  for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(repositoryRoot, file), join(root, file));
  mkdirSync(join(root, '.changeset'));
  cpSync(join(repositoryRoot, '.changeset', 'config.json'), join(root, '.changeset', 'config.json'));
  const folders = [...publishedPackages.map((name) => `packages/${name}`), 'apps/ris-demo', 'tooling/vitest-config'];
  for (const folder of folders) {
    mkdirSync(join(root, folder), { recursive: true });
    cpSync(join(repositoryRoot, folder, 'package.json'), join(root, folder, 'package.json'));
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=ci@example.invalid', '-c', 'user.name=ci', 'add', '-A');
  git('-c', 'user.email=ci@example.invalid', '-c', 'user.name=ci', 'commit', '-q', '-m', 'base');
  return root;
}

describe('changesets release flow', () => {
  const root = scratchWorkspace();
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('a patch changeset for one package bumps the whole fixed family and writes changelogs; the app stays', () => {
    const before = readManifest(root, 'packages/adapter').version;
    writeFileSync(
      join(root, '.changeset', 'retry-fix.md'),
      '---\n"@acpt/adapter": patch\n---\n\nHonour retry-after-ms on 503.\n',
    );
    execFileSync(changesetBin, ['version'], { cwd: root, stdio: 'pipe', env: { ...process.env, CI: 'true' } });

    const [major, minor, patch] = before.split('.').map(Number) as [number, number, number];
    const expected = `${major}.${minor}.${patch + 1}`;
    for (const name of publishedPackages) {
      const manifest = readManifest(root, `packages/${name}`);
      expect(manifest.version, name).toBe(expected);
      expect(existsSync(join(root, 'packages', name, 'CHANGELOG.md')), name).toBe(true);
    }
    expect(readFileSync(join(root, 'packages/adapter/CHANGELOG.md'), 'utf8')).toContain(
      'Honour retry-after-ms on 503.',
    );
    expect(readManifest(root, 'apps/ris-demo').version).toBe('0.0.0');
    expect(existsSync(join(root, 'apps/ris-demo/CHANGELOG.md'))).toBe(false);
    expect(existsSync(join(root, '.changeset', 'retry-fix.md'))).toBe(false);
  });

  test('changeset version with no changesets changes nothing', () => {
    const versions = publishedPackages.map((name) => readManifest(root, `packages/${name}`).version);
    try {
      execFileSync(changesetBin, ['version'], { cwd: root, stdio: 'pipe' });
    } catch {
      // changesets v3 exits 1 when there is nothing to version; either way nothing may change.
    }
    expect(publishedPackages.map((name) => readManifest(root, `packages/${name}`).version)).toEqual(versions);
  });
});

describe("the repository's pending changesets", () => {
  const root = scratchWorkspace();
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('all parse and version the five packages together', () => {
    const pending = readdirSync(join(repositoryRoot, '.changeset')).filter(
      (file) => file.endsWith('.md') && file !== 'README.md',
    );
    for (const file of pending) cpSync(join(repositoryRoot, '.changeset', file), join(root, '.changeset', file));
    execFileSync(changesetBin, ['version'], { cwd: root, stdio: 'pipe' });
    const versions = new Set(publishedPackages.map((name) => readManifest(root, `packages/${name}`).version));
    expect(versions.size).toBe(1);
    if (pending.length > 0) expect([...versions][0]).not.toBe('0.0.0');
  });
});
