import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two levels above this package). */
export const repositoryRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The published packages, which changesets versions as one fixed family. */
export const publishedPackages: readonly string[] = [
  'config',
  'transport-cerebras',
  'transport-mock',
  'adapter',
  'telemetry',
  'campaign',
  'ai-sdk',
];

/** A package.json, as far as these checks read it. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { readonly optional?: boolean }>;
  readonly devDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly exports?: Record<string, unknown>;
  readonly bin?: string | Record<string, string>;
  readonly engines?: Record<string, string>;
}

/** Reads the manifest of a package folder (relative to `root`). */
export function readManifest(root: string, folder: string): PackageManifest {
  return JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as PackageManifest;
}
