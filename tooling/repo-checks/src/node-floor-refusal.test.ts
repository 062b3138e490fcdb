import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { publishedPackages, repositoryRoot } from './workspace.ts';

/**
 * An installed Node.js older than the floor: Debian's (`/usr/bin/node`, which `scripts/system-deps.sh` makes sure of).
 * The toolchain's own Node comes first on PATH, so look it up by path, not by name.
 */
function olderNode(): { path: string; version: string } {
  for (const path of ['/usr/bin/node', '/usr/local/bin/node', '/bin/node']) {
    if (!existsSync(path)) continue;
    const version = execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    if (Number(version.split('.')[0]) < 22) return { path, version };
  }
  throw new Error('no Node.js older than 22 at /usr/bin/node: run scripts/system-deps.sh (it installs Debian nodejs)');
}

describe('importing a package on a Node.js older than the floor', () => {
  const node = olderNode();

  test.each(publishedPackages)('@acpt/%s refuses with one line naming the required version', (folder) => {
    const entry = join(repositoryRoot, 'packages', folder, 'dist', 'index.mjs');
    const result = spawnSync(node.path, ['--input-type=module', '-e', `await import(${JSON.stringify(entry)})`], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    const lines = result.stderr.split('\n').filter((line) => line.includes('acpt needs'));
    expect(lines).toEqual([
      `[Error [UnsupportedNodeError]: acpt needs Node.js 22.19.0 or later; this is Node.js ${node.version}. Install Node.js 22.19+ or 24 LTS.]`,
    ]);
    // Nothing an older Node cannot link or run got there first.
    expect(result.stderr).not.toMatch(/SyntaxError|TypeError|ReferenceError|\n\s+at /);
  });
});
