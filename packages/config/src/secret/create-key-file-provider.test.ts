import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiKeyEvent, ApiKeyProvider } from '../contract/api-key-provider.ts';
import { useTempDir } from '../loading/__fixtures__/temp-dir.ts';
import { createKeyFileProvider } from './create-key-file-provider.ts';
import { Secret } from './secret.ts';

const OLD_KEY = 'csk-file-old-0123456789abcdef';
const NEW_KEY = 'csk-file-new-fedcba9876543210';
const temp = useTempDir();
let provider: ApiKeyProvider | undefined;
afterEach(() => provider?.close());

/** The next event of `provider` that satisfies `accept` (events are pushed by the file watcher). */
function nextEvent(source: ApiKeyProvider, accept: (event: ApiKeyEvent) => boolean): Promise<ApiKeyEvent> {
  return new Promise((resolve) => {
    const stop = source.subscribe((event) => {
      if (!accept(event)) return;
      stop();
      resolve(event);
    });
  });
}

function start(path: string) {
  const lines: string[] = [];
  provider = createKeyFileProvider({ path, initial: new Secret(OLD_KEY), log: (line) => lines.push(line) });
  return { provider, lines };
}

describe('createKeyFileProvider', () => {
  it('picks up a key written over the file (Vault Agent style) without any request', async () => {
    const path = temp.write('api-key', OLD_KEY);
    const { provider: watched } = start(path);
    expect(watched.status()).toMatchObject({ kind: 'file', watching: true, source: `file ${path}` });
    const loaded = nextEvent(watched, (event) => event.type === 'key-loaded' && event.changed);
    writeFileSync(`${path}.tmp`, `${NEW_KEY}\n`, { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
    expect(await loaded).toMatchObject({ reason: 'file-change', changed: true });
    expect(watched.current()?.reveal()).toBe(NEW_KEY);
    expect(watched.status()).toMatchObject({ rotations: 1, failures: 0 });
  });

  it('keeps the old key when the rotated file is world-readable or empty, and says why without a key', async () => {
    const path = temp.write('api-key', OLD_KEY);
    const { provider: watched, lines } = start(path);
    let failed = nextEvent(watched, (event) => event.type === 'key-load-failed');
    writeFileSync(path, NEW_KEY);
    chmodSync(path, 0o644);
    const readable = await failed;
    expect(readable).toMatchObject({ keptPreviousKey: true, reason: 'file-change' });
    expect(readable.type === 'key-load-failed' && readable.problem).toContain('mode 644, readable by every user');
    expect(watched.current()?.reveal()).toBe(OLD_KEY);
    failed = nextEvent(watched, (event) => event.type === 'key-load-failed');
    chmodSync(path, 0o600);
    writeFileSync(path, '\n');
    const empty = await failed;
    expect(empty.type === 'key-load-failed' && empty.problem).toContain('(empty)');
    expect(watched.current()?.reveal()).toBe(OLD_KEY);
    expect(watched.status().lastProblem?.problem).toContain('(empty)');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const everything = inspect([lines, watched.status()], { depth: 6 });
    expect(everything).not.toContain(NEW_KEY);
    expect(everything).not.toContain(OLD_KEY);
  });

  it('keeps the old key when the file is deleted during a rotation, and takes the new one when it lands', async () => {
    const path = temp.write('api-key', OLD_KEY);
    const { provider: watched } = start(path);
    const failed = nextEvent(watched, (event) => event.type === 'key-load-failed');
    rmSync(path);
    expect(await failed).toMatchObject({ keptPreviousKey: true });
    expect(watched.status().lastProblem?.problem).toContain('not found');
    expect((await watched.getKey()).reveal()).toBe(OLD_KEY);
    const loaded = nextEvent(watched, (event) => event.type === 'key-loaded' && event.changed);
    temp.write('api-key', NEW_KEY);
    await loaded;
    expect((await watched.getKey()).reveal()).toBe(NEW_KEY);
  });

  it('re-reads once on a refused key even without a watcher', async () => {
    const path = temp.write('api-key', OLD_KEY);
    provider = createKeyFileProvider({ path, initial: new Secret(OLD_KEY), watch: false });
    expect(provider.status().watching).toBe(false);
    writeFileSync(path, NEW_KEY);
    expect(provider.current()?.reveal()).toBe(OLD_KEY);
    expect((await provider.refreshAfterRejection(new Secret(OLD_KEY)))?.reveal()).toBe(NEW_KEY);
  });
});
