import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partialPathOf, writeFileAtomic } from './atomic-write.ts';

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no partial file behind', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ris-atomic-'));
    const path = join(folder, 'nested', 'summary.json');
    writeFileAtomic(path, 'first');
    writeFileAtomic(path, 'second');
    expect(readFileSync(path, 'utf8')).toBe('second');
    expect(readdirSync(join(folder, 'nested'))).toEqual(['summary.json']);
  });

  it('names the partial file so it never looks like the output', () => {
    const partial = partialPathOf('/out/summary.json');
    expect(partial).toBe(`/out/.summary.json.${process.pid}.partial`);
  });

  it('leaves what was there intact, and no partial file, when the rename fails', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ris-atomic-'));
    const blocked = join(folder, 'dir');
    writeFileAtomic(join(blocked, 'x'), 'kept');
    // The target is a non-empty folder: the rename fails after the partial file was written.
    expect(() => writeFileAtomic(blocked, 'new')).toThrow();
    expect(readFileSync(join(blocked, 'x'), 'utf8')).toBe('kept');
    expect(readdirSync(folder)).toEqual(['dir']);
  });
});
