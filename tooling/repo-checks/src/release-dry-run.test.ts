import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type PackedPackage, packPackage } from './pack-package.ts';
import { CommandError, runCommand } from './run-command.ts';
import { scratchRepositoryCopy } from './scratch-workspace.ts';
import { publishedPackages, readManifest, repositoryRoot } from './workspace.ts';

const SETUP_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 90_000;
const bin = (name: string) => join(repositoryRoot, 'node_modules', '.bin', name);
/** A dry run's stand-in for GITHUB_REPOSITORY: nothing is published, so no real repository is named. */
const DRY_RUN_REPOSITORY = 'acpt-dry-run/acpt';

interface PublishReport {
  readonly name: string;
  readonly version: string;
  readonly files: readonly { readonly path: string }[];
}

/**
 * The release rehearsal (`pnpm release:dry-run`): on a scratch copy of the repository, the pending changesets are
 * versioned, the metadata is filled as the release workflow fills it, and every package goes through
 * `pnpm publish --dry-run`, publint and attw, so a release that would fail fails here first.
 */
describe('release dry run on a scratch copy', () => {
  const root = scratchRepositoryCopy('acpt-release-');
  const tarballs = join(root, '.tarballs');
  const pending = readdirSync(join(repositoryRoot, '.changeset')).filter(
    (file) => file.endsWith('.md') && file !== 'README.md',
  );
  let packed: PackedPackage[] = [];

  beforeAll(async () => {
    mkdirSync(tarballs);
    await runCommand(bin('changeset'), ['version'], { cwd: root }).catch((error: unknown) => {
      // changesets exits 1 when there is nothing to version; anything else is a failure.
      if (!(error instanceof CommandError) || pending.length > 0) throw error;
    });
    await runCommand(process.execPath, ['scripts/fill-release-metadata.ts', '.'], {
      cwd: root,
      env: { GITHUB_REPOSITORY: DRY_RUN_REPOSITORY, GITHUB_SERVER_URL: 'https://github.com' },
    });
    packed = await Promise.all(publishedPackages.map((folder) => packPackage(folder, tarballs, root)));
  }, SETUP_TIMEOUT_MS);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('the pending changesets version the five packages together', () => {
    const versions = new Set(publishedPackages.map((folder) => readManifest(root, `packages/${folder}`).version));
    expect(versions.size).toBe(1);
    const [version] = versions;
    if (pending.length > 0) expect(version).not.toBe(readManifest(repositoryRoot, 'packages/config').version);
  });

  test.each(publishedPackages)(
    '@acpt/%s: publish --dry-run uploads the new version with LICENSE, README, CHANGELOG and dist',
    async (folder) => {
      const { stdout } = await runCommand('pnpm', ['publish', '--dry-run', '--no-git-checks', '--json'], {
        cwd: join(root, 'packages', folder),
        timeoutMs: STEP_TIMEOUT_MS,
      });
      const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as PublishReport;
      const manifest = readManifest(root, `packages/${folder}`);
      expect(report).toMatchObject({ name: manifest.name, version: manifest.version });
      const files = report.files.map((file) => file.path);
      for (const file of [
        'LICENSE',
        'README.md',
        'CHANGELOG.md',
        'package.json',
        'dist/index.mjs',
        'dist/index.d.mts',
      ]) {
        expect(files, `${manifest.name} ${file}`).toContain(file);
      }
    },
    STEP_TIMEOUT_MS,
  );

  test.each(publishedPackages)(
    '@acpt/%s: the tarball names its source repository for provenance and caret peers on the new version',
    (folder) => {
      const { manifest } = packed.find((one) => one.folder === folder) as PackedPackage;
      const extra = manifest as unknown as Record<string, unknown>;
      expect(extra['repository']).toEqual({
        type: 'git',
        url: `git+https://github.com/${DRY_RUN_REPOSITORY}.git`,
        directory: `packages/${folder}`,
      });
      expect(extra['homepage']).toBe(`https://github.com/${DRY_RUN_REPOSITORY}/tree/main/packages/${folder}#readme`);
      expect(extra['bugs']).toEqual({ url: `https://github.com/${DRY_RUN_REPOSITORY}/issues` });
      expect(extra['license']).toBe('MIT');
      expect(extra['publishConfig']).toMatchObject({ access: 'public', provenance: true });
      for (const [peer, range] of Object.entries(manifest.peerDependencies ?? {})) {
        if (peer.startsWith('@acpt/')) expect(range, peer).toBe(`^${manifest.version}`);
      }
    },
  );

  test.each(publishedPackages)(
    '@acpt/%s: publint --strict and attw (esm-only) pass on what would be published',
    async (folder) => {
      const { tarball } = packed.find((one) => one.folder === folder) as PackedPackage;
      await runCommand(bin('publint'), ['--strict'], {
        cwd: join(root, 'packages', folder),
        timeoutMs: STEP_TIMEOUT_MS,
      });
      await runCommand(bin('attw'), [tarball, '--profile', 'esm-only'], { cwd: root, timeoutMs: STEP_TIMEOUT_MS });
    },
    STEP_TIMEOUT_MS,
  );

  test('the metadata step refuses to run without GITHUB_REPOSITORY (it never invents a URL)', async () => {
    const run = runCommand(process.execPath, ['scripts/fill-release-metadata.ts', '.'], {
      cwd: root,
      env: { GITHUB_REPOSITORY: '' },
    });
    await expect(run).rejects.toThrow(/exit code 2[\s\S]*GITHUB_REPOSITORY must be owner\/name \(got nothing\)/);
  });
});
