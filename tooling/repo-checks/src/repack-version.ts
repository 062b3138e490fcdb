import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackedPackage } from './pack-package.ts';
import { runCommand } from './run-command.ts';
import type { PackageManifest } from './workspace.ts';

/** The next minor version of a semver `x.y.z` (pre-1.0 a minor is the breaking step, so it is the skew to test). */
export function nextMinor(version: string): string {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  return `${major}.${minor + 1}.0`;
}

/**
 * Rewrites a packed tarball as if it were released at `version`: its `version` and its caret ranges on `@acpt/*`
 * peers move to `^version`, as `changeset version` plus `pnpm pack` would write them. Returns the new package.
 */
export async function repackAtVersion(
  packed: PackedPackage,
  version: string,
  destination: string,
): Promise<PackedPackage> {
  const scratch = mkdtempSync(join(destination, '.repack-'));
  try {
    await runCommand('tar', ['-xzf', packed.tarball, '-C', scratch], { cwd: destination });
    const manifestPath = join(scratch, 'package', 'package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageManifest & Record<string, unknown>;
    const peers = Object.fromEntries(
      Object.entries(manifest.peerDependencies ?? {}).map(([name, range]) => [
        name,
        name.startsWith('@acpt/') ? `^${version}` : range,
      ]),
    );
    const rewritten = { ...manifest, version, peerDependencies: peers };
    writeFileSync(manifestPath, `${JSON.stringify(rewritten, null, 2)}\n`);
    mkdirSync(destination, { recursive: true });
    const tarball = join(destination, `${manifest.name.replace('@', '').replace('/', '-')}-${version}.tgz`);
    await runCommand('tar', ['-czf', tarball, '-C', scratch, 'package'], { cwd: destination });
    return { ...packed, tarball, manifest: rewritten };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
