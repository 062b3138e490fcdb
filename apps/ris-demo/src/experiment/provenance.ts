import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a run's outputs came from: enough to rebuild it, nothing time-dependent. */
export interface Provenance {
  /** Versions of the app, the workspace packages it runs on and its runtime dependencies. */
  readonly packages: Readonly<Record<string, string | null>>;
  readonly node: string;
  /** `git rev-parse HEAD` of the checkout the app runs from; null outside a git checkout. */
  readonly gitCommit: string | null;
  /** Whether tracked files differ from that commit (`git diff --quiet HEAD`); null outside a git checkout. */
  readonly gitDirty: boolean | null;
  /** The command line as given (program name, then the arguments). */
  readonly commandLine: readonly string[];
  /** SHA-256 (hex) of the canonical JSON of the resolved scenario and configuration. */
  readonly configSha256: string;
}

/** Packages whose versions are recorded. */
export const PROVENANCE_PACKAGES: readonly string[] = [
  '@acpt/ris-demo',
  '@acpt/adapter',
  '@acpt/config',
  '@acpt/transport-cerebras',
  '@acpt/transport-mock',
  '@acpt/telemetry',
  'piscina',
  'valibot',
];

/**
 * JSON with object keys sorted at every level and numbers at full precision: equal values give equal text whatever the
 * insertion order, which is what the hash needs. Non-finite numbers become `null`, as in the outputs.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'number' && !Number.isFinite(item)) return null;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    return Object.fromEntries(
      Object.entries(item).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)),
    );
  });
}

/** SHA-256 (hex) of {@link canonicalJson}. */
export function configHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** Collects the provenance of a run: `resolved` is the resolved scenario and configuration to hash. */
export function collectProvenance(options: {
  readonly argv: readonly string[];
  readonly resolved: unknown;
}): Provenance {
  const packages: Record<string, string | null> = {};
  for (const name of PROVENANCE_PACKAGES) packages[name] = packageVersion(name);
  const here = dirname(fileURLToPath(import.meta.url));
  return {
    packages,
    node: process.version,
    ...gitState(here),
    commandLine: ['ris-demo', ...options.argv],
    configSha256: configHash(options.resolved),
  };
}

/** A package's version: from its `package.json` export, else the nearest `package.json` above its entry point. */
function packageVersion(name: string): string | null {
  const require = createRequire(import.meta.url);
  try {
    return (require(`${name}/package.json`) as { version?: string }).version ?? null;
  } catch {
    // Not exported: walk up from the entry point.
  }
  try {
    let folder = dirname(require.resolve(name));
    for (let depth = 0; depth < 6; depth += 1) {
      const candidate = join(folder, 'package.json');
      if (existsSync(candidate)) {
        const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
        if (manifest.name === name) return manifest.version ?? null;
      }
      folder = dirname(folder);
    }
  } catch {
    // Not installed.
  }
  return null;
}

function gitState(cwd: string): { gitCommit: string | null; gitDirty: boolean | null } {
  const git = (args: readonly string[]): string =>
    execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
      .toString('utf8')
      .trim();
  let gitCommit: string;
  try {
    gitCommit = git(['rev-parse', 'HEAD']);
  } catch {
    return { gitCommit: null, gitDirty: null };
  }
  try {
    git(['diff', '--quiet', 'HEAD']);
    return { gitCommit, gitDirty: false };
  } catch {
    return { gitCommit, gitDirty: true };
  }
}
