import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The temporary name an output is written under before it is renamed into place: hidden, in the same folder (so the
 * rename is atomic on one file system), marked `.partial` and with the process id, so a half-written file never
 * carries the final name and two processes never share one.
 */
export function partialPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
}

/**
 * Writes `content` to `path` atomically: to {@link partialPathOf} first, flushed to disk, then renamed. A reader sees
 * the old file or the whole new one, never a part; an interrupted write leaves only the hidden partial file.
 */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = partialPathOf(path);
  const descriptor = openSync(partial, 'w');
  try {
    try {
      writeSync(descriptor, content);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
