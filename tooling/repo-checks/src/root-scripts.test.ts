import { describe, expect, test } from 'vitest';
import { readManifest, repositoryRoot } from './workspace.ts';

const scripts = (readManifest(repositoryRoot, '.') as { scripts?: Record<string, string> }).scripts ?? {};

describe("the root scripts behind ./task's CLI commands", () => {
  // `./task doctor --json | jq` must see JSON only: turbo's banner and summary go to stderr.
  test.each(['demo', 'loadtest', 'doctor'])('%s builds with turbo on stderr, so stdout is the CLI alone', (name) => {
    const script = scripts[name] ?? '';
    const [build, ...rest] = script.split('&&').map((part) => part.trim());
    expect(build, name).toMatch(/^turbo run build\b/);
    expect(build, name).toMatch(/>&2$/);
    expect(rest.join(' && ')).not.toMatch(/\bturbo\b/);
  });
});
