import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type InstallMode, installConsumerProject, writeConsumerProject } from './consumer-project.ts';
import { type PackedPackage, packPackage, publishedTargets } from './pack-package.ts';
import { childEnvironment, runCommand } from './run-command.ts';
import { publishedPackages, repositoryRoot } from './workspace.ts';

// Packing, installing and compiling take a few seconds each; only this file gets these timeouts.
const SETUP_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 60_000;

/** A test file, fixture or bench script: never part of what a consumer installs. */
const DEVELOPMENT_FILE =
  /(^|\/)(__fixtures__|__snapshots__|__mocks__|bench)\/|\.test(-d)?\.[cm]?[jt]s$|(^|\/)(vitest|tsdown)\.config\./;

/** The manifest fields a published version may carry `workspace:` ranges in before `pnpm pack` rewrites them. */
const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const;

/** The public entry points of a package: its name plus each `exports` subpath other than `./package.json`. */
function entryPoints(packed: PackedPackage): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(packed.manifest.exports ?? {})) {
    if (subpath === './package.json' || subpath.includes('*')) continue;
    const name = subpath === '.' ? packed.manifest.name : `${packed.manifest.name}/${subpath.slice(2)}`;
    entries[name] = ((target as { default?: string }).default ?? '').replace(/^\.\//, '');
  }
  return entries;
}

/** A pattern matching `text` literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parses the JSON line a consumer script prints last. */
function lastJsonLine<T>(stdout: string): T {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as T;
  } catch (error) {
    throw new Error(`the consumer script printed no JSON summary; its stdout:\n${stdout}`, { cause: error });
  }
}

interface ErrorSummary {
  readonly name: string;
  readonly code?: string;
  readonly retryable?: boolean;
  readonly isAcptError?: boolean;
  readonly instanceOfAcptError?: boolean;
  readonly isRetryExhausted?: boolean;
  readonly isRateLimit?: boolean;
  readonly isConfigError?: boolean;
  readonly causeIsAuthentication?: boolean;
  readonly leaksKey?: boolean;
}

/** What `consumer.mjs` prints. */
interface ConsumerSummary {
  readonly resolved: Record<string, string>;
  readonly exportCounts: Record<string, number>;
  readonly versions: Record<string, string>;
  readonly generate: { provider: string; attempts: number; fallback: unknown; hasText: boolean; totalTokens: number };
  readonly stream: { provider: string; deltas: number; sameText: boolean; finishReason: string };
  readonly fallback: { provider: string; reason: string | null };
  readonly errors: { rejected: ErrorSummary; rateLimited: ErrorSummary; invalidConfig: ErrorSummary };
  readonly chatRequestsServed: number;
  readonly spans: readonly string[];
  readonly telemetry: { started: boolean; shutdown: string };
  readonly configLeaksKey: boolean;
}

describe('the published packages, packed and installed outside the workspace', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'acpt-packed-'));
  const tarballs = join(scratch, 'tarballs');
  const consumer = join(scratch, 'consumer');
  const children = new Set<ChildProcess>();
  let packed: PackedPackage[] = [];
  let installMode: InstallMode | undefined;

  beforeAll(async () => {
    if (!relative(repositoryRoot, scratch).startsWith('..')) {
      throw new Error(`the scratch folder ${scratch} lies inside the workspace; point TMPDIR elsewhere`);
    }
    packed = await Promise.all(publishedPackages.map((folder) => packPackage(folder, tarballs)));
    writeConsumerProject(consumer, packed);
    installMode = await installConsumerProject(consumer);
    if (installMode === 'prefer-offline')
      console.warn(
        'packed-consumer: the local pnpm store lacked a package or its metadata; installed with --prefer-offline',
      );
  }, SETUP_TIMEOUT_MS);

  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
  });

  const packedOf = (folder: string): PackedPackage => {
    const found = packed.find((candidate) => candidate.folder === folder);
    if (found === undefined) throw new Error(`packages/${folder} was not packed`);
    return found;
  };

  test.each(publishedPackages)(
    '@acpt/%s: the tarball names siblings as caret peers and ships dist, no tests',
    (folder) => {
      const { manifest, files } = packedOf(folder);
      for (const field of DEPENDENCY_FIELDS) {
        for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
          expect(range, `${field}.${dependency}`).not.toMatch(/^workspace:/);
          if (dependency.startsWith('@acpt/') && field !== 'devDependencies') {
            expect(field, dependency).toBe('peerDependencies');
            expect(range, `${field}.${dependency}`).toBe(`^${manifest.version}`);
          }
        }
      }
      expect(files.some((file) => file.startsWith('dist/') && file.endsWith('.mjs'))).toBe(true);
      for (const target of publishedTargets(manifest)) expect(files, `exports/bin target ${target}`).toContain(target);
      expect(files.filter((file) => DEVELOPMENT_FILE.test(file))).toEqual([]);
    },
  );

  test('install from the local store: one copy of each package and of @opentelemetry/api, bins linked', () => {
    expect(installMode).toBeDefined();
    const virtualStore = readdirSync(join(consumer, 'node_modules', '.pnpm'));
    for (const { manifest } of packed) {
      const copies = virtualStore.filter((entry) => entry.startsWith(`${manifest.name.replace('/', '+')}@`));
      expect(copies, manifest.name).toHaveLength(1);
      const bin = typeof manifest.bin === 'string' ? { [manifest.name.split('/')[1]!]: manifest.bin } : manifest.bin;
      for (const name of Object.keys(bin ?? {})) {
        expect(existsSync(join(consumer, 'node_modules', '.bin', name)), `bin ${name}`).toBe(true);
      }
    }
    expect(virtualStore.filter((entry) => entry.startsWith('@opentelemetry+api@'))).toHaveLength(1);
  });

  test(
    'an ESM consumer imports every entry point from dist and runs the family against the mock server',
    async () => {
      const { stdout } = await runCommand(process.execPath, ['consumer.mjs'], { cwd: consumer });
      const summary = lastJsonLine<ConsumerSummary>(stdout);

      const expectedEntries = Object.assign({}, ...packed.map(entryPoints)) as Record<string, string>;
      expect(Object.keys(summary.resolved).sort()).toEqual(Object.keys(expectedEntries).sort());
      const installed = `${pathToFileURL(join(consumer, 'node_modules')).href}/`;
      for (const [entry, target] of Object.entries(expectedEntries)) {
        expect(summary.resolved[entry], entry).toMatch(new RegExp(`^${literal(installed)}.*/${literal(target)}$`));
        expect(summary.exportCounts[entry], entry).toBeGreaterThan(0);
      }
      for (const { manifest } of packed) expect(summary.versions[manifest.name], manifest.name).toBe(manifest.version);

      expect(summary.generate).toMatchObject({ provider: 'cerebras', attempts: 1, fallback: null, hasText: true });
      expect(summary.generate.totalTokens).toBeGreaterThan(0);
      expect(summary.stream).toMatchObject({ provider: 'cerebras', sameText: true, finishReason: 'stop' });
      expect(summary.stream.deltas).toBeGreaterThan(1);
      expect(summary.fallback).toEqual({ provider: 'acpt.mock', reason: 'configuration_error' });
      expect(summary.errors.rejected).toMatchObject({
        name: 'AuthenticationError',
        code: 'ACPT_AUTHENTICATION',
        isAcptError: true,
        instanceOfAcptError: true,
        isRetryExhausted: false,
        isAuthentication: true,
        leaksKey: false,
      });
      expect(summary.errors.rateLimited).toMatchObject({
        name: 'RateLimitError',
        code: 'ACPT_RATE_LIMITED',
        retryable: true,
        isAcptError: true,
        isRateLimit: true,
        leaksKey: false,
      });
      expect(summary.errors.invalidConfig).toMatchObject({
        code: 'ACPT_CONFIG_INVALID',
        isAcptError: true,
        isConfigError: true,
      });
      expect(summary.chatRequestsServed).toBe(4);
      expect(summary.spans.filter((name) => name.startsWith('chat '))).toHaveLength(2);
      expect(summary.spans).toContain('POST');
      expect(summary.telemetry).toEqual({ started: true, shutdown: 'done' });
      expect(summary.configLeaksKey).toBe(false);

      const cjs = await runCommand(process.execPath, ['consumer.cjs'], { cwd: consumer });
      const required = lastJsonLine<Record<string, { path: string; exports: number }>>(cjs.stdout);
      expect(Object.keys(required).sort()).toEqual(Object.keys(expectedEntries).sort());
      for (const [entry, target] of Object.entries(expectedEntries)) {
        expect(required[entry], entry).toEqual({
          path: expect.stringMatching(new RegExp(`/${literal(target)}$`)),
          exports: summary.exportCounts[entry],
        });
      }
    },
    STEP_TIMEOUT_MS,
  );

  test('@acpt/telemetry exports its ops kit: the dashboard, rules and runbook resolve from a consumer', async () => {
    const script = [
      "import { createRequire } from 'node:module';",
      "import { readFileSync } from 'node:fs';",
      'const require = createRequire(import.meta.url + "/");',
      "const dashboard = require.resolve('@acpt/telemetry/ops/grafana/acpt-llm-dashboard.json');",
      "const rules = require.resolve('@acpt/telemetry/ops/prometheus/alert-rules.yml');",
      "const runbook = require.resolve('@acpt/telemetry/ops/runbook.md');",
      "console.log(JSON.stringify({ title: JSON.parse(readFileSync(dashboard, 'utf8')).title, rules: readFileSync(rules, 'utf8').includes('groups:'), runbook: readFileSync(runbook, 'utf8').length > 0 }));",
    ].join('\n');
    const { stdout } = await runCommand(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer });
    const resolved = lastJsonLine<{ title: string; rules: boolean; runbook: boolean }>(stdout);
    expect(resolved.title.length).toBeGreaterThan(0);
    expect(resolved).toMatchObject({ rules: true, runbook: true });
  });

  test(
    'the acpt-mock-server bin of the installed tarball serves the models and stops on SIGTERM',
    async () => {
      const bin = join(consumer, 'node_modules', '.bin', 'acpt-mock-server');
      const help = await runCommand(bin, ['--help'], { cwd: consumer });
      expect(help.stdout).toContain('Usage: acpt-mock-server');

      const child = spawn(bin, ['--port', '0', '--api-key', 'csk-bin'], {
        cwd: consumer,
        env: childEnvironment(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        void exited.then((code) => reject(new Error(`acpt-mock-server exited with ${code}:\n${stderr}${stdout}`)));
      });

      const response = await fetch(`${url}/v1/models`, { headers: { authorization: 'Bearer csk-bin' } });
      expect(response.status).toBe(200);
      const models = (await response.json()) as { data: { id: string }[] };
      expect(models.data.map((model) => model.id)).toContain('gpt-oss-120b');

      child.kill('SIGTERM');
      expect(await exited, stderr).toBe(0);
    },
    STEP_TIMEOUT_MS,
  );

  test(
    'a TypeScript consumer type-checks against the installed .d.mts (nodenext, strict, no custom conditions)',
    async () => {
      const tsc = join(repositoryRoot, 'node_modules', '.bin', 'tsc');
      // skipLibCheck off: the packages' own .d.mts files are checked too (an import they cannot resolve would
      // otherwise silently become `any`).
      const flags = ['--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023', '--lib', 'es2023'];
      const checks = ['--types', 'node', '--strict', '--noEmit', '--skipLibCheck', 'false'];
      await runCommand(tsc, [...flags, ...checks, 'consumer-types.ts'], { cwd: consumer });
    },
    STEP_TIMEOUT_MS,
  );
});
