// Fills `repository`, `homepage` and `bugs` of every published package from the repository the release workflow runs
// in (GITHUB_SERVER_URL + GITHUB_REPOSITORY, which GitHub Actions sets), so npm provenance can link the tarball to its
// source. It never invents a URL: without GITHUB_REPOSITORY it refuses. Run by .github/workflows/release.yml before
// `changeset publish`, and by the release dry run (tooling/repo-checks) on a scratch copy.
//   node scripts/fill-release-metadata.ts [workspace-root]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository a release comes from. */
export interface ReleaseRepository {
  /** `https://github.com` or a GitHub Enterprise server. */
  readonly serverUrl: string;
  /** `owner/name`. */
  readonly slug: string;
}

/** Reads the repository from the CI environment; throws a one-line error naming the variable when it is missing. */
export function repositoryFromEnvironment(env: NodeJS.ProcessEnv): ReleaseRepository {
  const slug = env['GITHUB_REPOSITORY'] ?? '';
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/.test(slug)) {
    throw new Error(
      `GITHUB_REPOSITORY must be owner/name (got ${slug === '' ? 'nothing' : JSON.stringify(slug)}); run this in the release workflow or set it to the repository you publish from`,
    );
  }
  const serverUrl = (env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, '');
  if (!/^https:\/\/[^/\s]+$/.test(serverUrl))
    throw new Error(`GITHUB_SERVER_URL must be https://host (got ${serverUrl})`);
  return { serverUrl, slug };
}

/** The metadata fields of one package at `directory` (its folder in the repository, e.g. `packages/adapter`). */
export function releaseMetadata(repository: ReleaseRepository, directory: string): Record<string, unknown> {
  const web = `${repository.serverUrl}/${repository.slug}`;
  return {
    repository: { type: 'git', url: `git+${web}.git`, directory },
    homepage: `${web}/tree/main/${directory}#readme`,
    bugs: { url: `${web}/issues` },
  };
}

/** Writes the fields into every non-private `packages/*` manifest under `root`; returns the folders it changed. */
export function fillReleaseMetadata(root: string, repository: ReleaseRepository): string[] {
  const changed: string[] = [];
  for (const folder of readdirSync(join(root, 'packages')).sort()) {
    const path = join(root, 'packages', folder, 'package.json');
    let manifest: Record<string, unknown>;
    try {
      manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (manifest['private'] === true) continue;
    writeFileSync(
      path,
      `${JSON.stringify({ ...manifest, ...releaseMetadata(repository, `packages/${folder}`) }, null, 2)}\n`,
    );
    changed.push(`packages/${folder}`);
  }
  return changed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const root = resolve(process.argv[2] ?? '.');
    const repository = repositoryFromEnvironment(process.env);
    const changed = fillReleaseMetadata(root, repository);
    console.log(`release metadata from ${repository.serverUrl}/${repository.slug}: ${changed.join(', ')}`);
  } catch (error) {
    console.error(`fill-release-metadata: ${(error as Error).message}`);
    process.exit(2);
  }
}
