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

  test('depends only on the siblings the dependency direction allows, with workspace:*', () => {
    const runtime = { ...manifest.dependencies, ...manifest.peerDependencies };
    const siblings = Object.keys(runtime).filter((dependency) => dependency.startsWith('@acpt/'));
    for (const sibling of siblings) {
      expect(allowedSiblings[name], `${name} → ${sibling}`).toContain(sibling);
      expect(runtime[sibling]).toBe('workspace:*');
    }
  });
});
