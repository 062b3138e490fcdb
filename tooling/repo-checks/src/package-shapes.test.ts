import { describe, expect, test } from 'vitest';
import { publishedPackages, readManifest, repositoryRoot } from './workspace.ts';

/** The dependency direction of STYLE.md §3: each package may depend only on those listed. */
const allowedSiblings: Readonly<Record<string, readonly string[]>> = {
  config: [],
  'transport-cerebras': ['@acpt/config'],
  'transport-mock': ['@acpt/config'],
  adapter: ['@acpt/config'],
  telemetry: ['@acpt/config', '@acpt/adapter'],
  campaign: ['@acpt/config'],
  'ai-sdk': ['@acpt/config', '@acpt/adapter'],
};

/** Dependencies held to patch releases (`~`), each with the reason; every other runtime dependency takes `^`. */
const patchOnlyRanges: Readonly<Record<string, string>> = {
  ioredis:
    '6.1.0 ships declarations importing the untyped redis-errors (TS7016 for consumers with skipLibCheck off); ~6.0 until fixed',
};

/** Siblings a package may name as optional peers only: the adapter works with either transport, injected. */
const optionalPeers: Readonly<Record<string, readonly string[]>> = {
  adapter: ['@acpt/transport-cerebras', '@acpt/transport-mock'],
};

describe.each(publishedPackages)('@acpt/%s', (name) => {
  const manifest = readManifest(repositoryRoot, `packages/${name}`);

  test('is a public ESM package with the source condition, types and Node floor', () => {
    expect(manifest.private).toBeUndefined();
    expect(manifest.engines?.node).toBe('>=22.19.0');
    expect(manifest.exports?.['.']).toMatchObject({
      '@acpt/source': './src/index.ts',
      types: './dist/index.d.mts',
      default: './dist/index.mjs',
    });
  });

  test('depends only on the siblings the dependency direction allows, as caret peers (one copy after skew)', () => {
    const siblingsIn = (field: Record<string, string> | undefined) =>
      Object.keys(field ?? {}).filter((dependency) => dependency.startsWith('@acpt/'));
    // A sibling as a dependency pins a second copy of it into the tree when versions skew: only peers dedupe.
    expect(siblingsIn(manifest.dependencies)).toEqual([]);
    for (const sibling of siblingsIn(manifest.peerDependencies)) {
      const optional = manifest.peerDependenciesMeta?.[sibling]?.optional === true;
      const allowed = optional
        ? [...(allowedSiblings[name] ?? []), ...(optionalPeers[name] ?? [])]
        : allowedSiblings[name];
      expect(allowed, `${name} → ${sibling}`).toContain(sibling);
      expect(manifest.peerDependencies?.[sibling]).toBe('workspace:^');
      expect(manifest.devDependencies?.[sibling], `${sibling} is also a devDependency for the workspace`).toBe(
        'workspace:*',
      );
    }
  });

  test('runtime dependencies outside the family take caret ranges (users get their fixes; the lockfile pins CI)', () => {
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      if (dependency in patchOnlyRanges) expect(range, `${dependency}: ${patchOnlyRanges[dependency]}`).toMatch(/^~\d/);
      else expect(range, dependency).toMatch(/^\^\d/);
    }
  });
});
