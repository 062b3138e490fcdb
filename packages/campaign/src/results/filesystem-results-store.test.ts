import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilesystemResultsStore } from './filesystem-results-store.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'acpt-results-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('FilesystemResultsStore', () => {
  it('publishes a job once, atomically: many racing publishers, exactly one wins and its files are whole', async () => {
    const store = new FilesystemResultsStore(root);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, writer) =>
        store.publish('abc-s1', {
          summary: { writer },
          files: { 'steps.jsonl': `${'x'.repeat(100_000)}${writer}\n`, 'nested/report.html': `<p>${writer}</p>` },
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'written')).toHaveLength(1);
    const winner = outcomes.indexOf('written');
    expect(await store.summary('abc-s1')).toEqual({ writer: winner });
    expect(await readFile(join(store.locate('abc-s1'), 'steps.jsonl'), 'utf8')).toBe(
      `${'x'.repeat(100_000)}${winner}\n`,
    );
    expect(await readFile(join(store.locate('abc-s1'), 'nested', 'report.html'), 'utf8')).toBe(`<p>${winner}</p>`);
    expect(await store.list()).toEqual(['abc-s1']);
    // No staging leftovers.
    expect(await readdir(join(root, '.staging'))).toEqual([]);
  });

  it('knows nothing of unpublished jobs and refuses names that leave the job folder', async () => {
    const store = new FilesystemResultsStore(root);
    expect(await store.summary('missing-s1')).toBeUndefined();
    expect(await store.list()).toEqual([]);
    await expect(store.publish('a-s1', { summary: {}, files: { '../escape.txt': 'x' } })).rejects.toThrow(
      /inside the job/,
    );
    await expect(store.publish('a-s1', { summary: {}, files: { 'summary.json': 'x' } })).rejects.toThrow(
      /inside the job/,
    );
    expect(() => store.locate('../x')).toThrow(RangeError);
    expect(await store.summary('a-s1')).toBeUndefined();
  });
});
