import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consumerDependencies } from './consumer-project.ts';
import { type PackedPackage, packPackage } from './pack-package.ts';
import { nextMinor, repackAtVersion } from './repack-version.ts';
import { runCommand } from './run-command.ts';
import { publishedPackages, repositoryRoot } from './workspace.ts';

const SETUP_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 60_000;
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'packed-consumer');

/**
 * The upgrade that used to break TypeScript: a team moves `@acpt/adapter` (and with it `@acpt/config`) one minor
 * ahead and keeps the other packages. No `overrides` here: every `@acpt/*` name resolves only through what the
 * consumer lists, as it would from the registry.
 */
describe('a skewed install: @acpt/adapter and @acpt/config one minor ahead of the other packages', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'acpt-skewed-'));
  const tarballs = join(scratch, 'tarballs');
  const consumer = join(scratch, 'consumer');
  let skewed: PackedPackage[] = [];
  let installOutput = '';

  beforeAll(async () => {
    const packed = await Promise.all(publishedPackages.map((folder) => packPackage(folder, tarballs)));
    skewed = await Promise.all(
      packed.map((one) =>
        one.folder === 'adapter' || one.folder === 'config'
          ? repackAtVersion(one, nextMinor(one.manifest.version), tarballs)
          : Promise.resolve(one),
      ),
    );
    const manifest = {
      name: 'acpt-skewed-consumer',
      private: true,
      type: 'module',
      dependencies: consumerDependencies(skewed),
    };
    cpSync(fixtures, consumer, { recursive: true });
    writeFileSync(join(consumer, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // Unmet peer ranges (the older siblings ask for the older config) warn, as they do for a real user; they must not
    // pull a second copy from anywhere.
    const settings = { ignoreScripts: true, hoist: false, autoInstallPeers: false, strictPeerDependencies: false };
    writeFileSync(join(consumer, 'pnpm-workspace.yaml'), `${JSON.stringify(settings, null, 2)}\n`);
    const installed = await runCommand(
      'pnpm',
      ['install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=append-only'],
      { cwd: consumer, timeoutMs: 120_000 },
    );
    installOutput = installed.stdout + installed.stderr;
  }, SETUP_TIMEOUT_MS);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test('installs exactly one copy of @acpt/config, the newer one', () => {
    const versionOf = (folder: string) => skewed.find((one) => one.folder === folder)?.manifest.version;
    expect(versionOf('adapter')).not.toBe(versionOf('telemetry'));
    const copies = readdirSync(join(consumer, 'node_modules', '.pnpm')).filter((entry) =>
      entry.startsWith('@acpt+config@'),
    );
    expect(copies).toHaveLength(1);
    expect(copies[0]).toContain(`config-${versionOf('config')}.tgz`);
    expect(installOutput).not.toMatch(/ERR_PNPM/);
  });

  test(
    'the consumer type-checks against the mixed .d.mts files (Secret, errors and Transport from one config)',
    async () => {
      const tsc = join(repositoryRoot, 'node_modules', '.bin', 'tsc');
      const flags = ['--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023', '--lib', 'es2023'];
      // skipLibCheck: third-party declarations (ioredis' among them) are not what this checks; the consumer's own file
      // is, and it is where a second copy of a type would fail to assign.
      await runCommand(
        tsc,
        [...flags, '--types', 'node', '--strict', '--noEmit', '--skipLibCheck', 'consumer-types.ts'],
        {
          cwd: consumer,
        },
      );
    },
    STEP_TIMEOUT_MS,
  );
});
