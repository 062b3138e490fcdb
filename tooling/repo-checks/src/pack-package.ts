import { join } from 'node:path';
import { runCommand } from './run-command.ts';
import { type PackageManifest, repositoryRoot } from './workspace.ts';

/** One package as `pnpm pack` wrote it: what `pnpm publish` would upload. */
export interface PackedPackage {
  /** The folder under `packages/`. */
  readonly folder: string;
  /** The tarball's absolute path. */
  readonly tarball: string;
  /** The paths inside the tarball, relative to its `package/` root. */
  readonly files: readonly string[];
  /** The package.json inside the tarball (`workspace:` ranges already rewritten). */
  readonly manifest: PackageManifest;
}

interface PackReport {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

/**
 * Packs `packages/<folder>` of `root` (the repository unless given; already built) into `destination` with
 * `pnpm pack` and reads the tarball's manifest.
 */
export async function packPackage(
  folder: string,
  destination: string,
  root: string = repositoryRoot,
): Promise<PackedPackage> {
  const cwd = join(root, 'packages', folder);
  const { stdout } = await runCommand('pnpm', ['pack', '--pack-destination', destination, '--json'], { cwd });
  let report: PackReport;
  try {
    report = JSON.parse(stdout) as PackReport;
  } catch (error) {
    throw new Error(`\`pnpm pack --json\` in ${cwd} printed no JSON:\n${stdout}`, { cause: error });
  }
  const manifest = await runCommand('tar', ['-xzOf', report.filename, 'package/package.json'], { cwd: destination });
  return {
    folder,
    tarball: report.filename,
    files: report.files.map((file) => file.path),
    manifest: JSON.parse(manifest.stdout) as PackageManifest,
  };
}

/**
 * Every file path an `exports` map or `bin` field points at, leaving out the in-repo `@acpt/source` condition and
 * subpath patterns (`./ops/*`: a folder of files, checked by what it matches).
 */
export function publishedTargets(manifest: PackageManifest): string[] {
  const targets: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!value.includes('*')) targets.push(value);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, nested] of Object.entries(value)) if (key !== '@acpt/source') visit(nested);
    }
  };
  visit(manifest.exports);
  visit(manifest.bin);
  return targets.map((target) => target.replace(/^\.\//, ''));
}
