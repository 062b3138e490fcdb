import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackedPackage } from './pack-package.ts';
import { CommandError, runCommand } from './run-command.ts';
import { repositoryRoot } from './workspace.ts';

/** The consumer's script, CommonJS script and type test, copied into the scratch project. */
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'packed-consumer');

/** How the scratch project was installed: from the local store alone, or with registry metadata where it lacked some. */
export type InstallMode = 'offline' | 'prefer-offline';

/**
 * What a consumer's package.json lists: the five tarballs, each non-`@acpt` peer dependency at the version the repo
 * tests with (its exact devDependency pin), the `@types/*` packages ship for their dependencies' declarations,
 * `@opentelemetry/sdk-trace` for an in-memory span exporter, and the repo's `@types/node`.
 */
export function consumerDependencies(packed: readonly PackedPackage[]): Record<string, string> {
  const dependencies: Record<string, string> = {};
  for (const { manifest, tarball } of packed) {
    dependencies[manifest.name] = `file:${tarball}`;
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
      if (peer.startsWith('@acpt/')) continue;
      dependencies[peer] = pinnedDevDependency(packed, peer);
    }
  }
  // `@types/*` a package ships for its dependencies' declarations (`@acpt/ai-sdk`: `@types/json-schema`, which
  // `@ai-sdk/provider`'s .d.ts import without declaring it) reach those declarations only through hoisting; with
  // hoisting off, a user who checks libraries (skipLibCheck false) lists them, as the ai-sdk README says.
  for (const { manifest } of packed)
    for (const [name, range] of Object.entries(manifest.dependencies ?? {}))
      if (name.startsWith('@types/')) dependencies[name] = range;
  dependencies['@opentelemetry/sdk-trace'] = pinnedDevDependency(packed, '@opentelemetry/sdk-trace');
  const typesNode = join(repositoryRoot, 'node_modules', '@types', 'node', 'package.json');
  dependencies['@types/node'] = (JSON.parse(readFileSync(typesNode, 'utf8')) as { version: string }).version;
  return dependencies;
}

function pinnedDevDependency(packed: readonly PackedPackage[], name: string): string {
  const version = packed.map(({ manifest }) => manifest.devDependencies?.[name]).find((pin) => pin !== undefined);
  if (version === undefined) throw new Error(`no published package pins ${name} in its devDependencies`);
  return version;
}

/**
 * Writes a consumer project into `directory` (which must lie outside the workspace): package.json, a
 * pnpm-workspace.yaml that makes it its own root, and the fixtures. The settings point every `@acpt/*` name,
 * transitive ones included, at its tarball (the registry has no such versions), skip install scripts, and turn
 * hoisting off so a package that imports something it does not declare fails here instead of finding it hoisted.
 */
export function writeConsumerProject(directory: string, packed: readonly PackedPackage[]): void {
  mkdirSync(directory, { recursive: true });
  const manifest = {
    name: 'acpt-packed-consumer',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies: consumerDependencies(packed),
  };
  writeFileSync(join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const settings = {
    overrides: Object.fromEntries(packed.map(({ manifest, tarball }) => [manifest.name, `file:${tarball}`])),
    ignoreScripts: true,
    hoist: false,
  };
  // JSON is YAML: no YAML writer needed.
  writeFileSync(join(directory, 'pnpm-workspace.yaml'), `${JSON.stringify(settings, null, 2)}\n`);
  cpSync(fixtures, directory, { recursive: true });
}

/**
 * Installs the consumer project from the local pnpm store with `--offline`, falling back to `--prefer-offline` only
 * when the store lacks a package or its metadata (after a `--frozen-lockfile` install, say).
 */
export async function installConsumerProject(directory: string): Promise<InstallMode> {
  const install = (mode: InstallMode) =>
    runCommand('pnpm', ['install', `--${mode}`, '--no-frozen-lockfile', '--reporter=append-only'], {
      cwd: directory,
      timeoutMs: 90_000,
    });
  try {
    await install('offline');
    return 'offline';
  } catch (error) {
    const missing = error instanceof CommandError && /ERR_PNPM_NO_OFFLINE/.test(error.stdout + error.stderr);
    if (!missing) throw error;
    await install('prefer-offline');
    return 'prefer-offline';
  }
}
