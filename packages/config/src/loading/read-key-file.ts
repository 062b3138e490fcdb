import { readFileSync, statSync } from 'node:fs';

/** What reading a key file gave: the key, or what was wrong. */
export type KeyFileResult =
  | { readonly key: string }
  | { readonly problem: { readonly expected: string; readonly received: string } };

const maxKeyFileBytes = 64 * 1024;

/**
 * Reads a mounted secret file holding the API key, trimmed. Refuses a missing, unreadable, oversized, empty or
 * world-readable file (mode `o+r`; not checked on Windows, which has no such bit). Problems name the file, never
 * its content.
 *
 * @param path - an absolute path
 */
export function readKeyFile(path: string): KeyFileResult {
  const problem = (expected: string, received: string): KeyFileResult => ({ problem: { expected, received } });
  let text: string;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return problem('a regular file holding the API key', `${path} (not a regular file)`);
    if (process.platform !== 'win32' && (stats.mode & 0o004) !== 0) {
      const mode = (stats.mode & 0o777).toString(8).padStart(3, '0');
      return problem(
        `a key file that is not world-readable (run: chmod 600 ${path})`,
        `${path} (mode ${mode}, readable by every user)`,
      );
    }
    if (stats.size > maxKeyFileBytes) return problem('a key file of at most 64 KiB', `${path} (${stats.size} bytes)`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return problem('a readable file holding the API key', `${path} (${describeFileError(error)})`);
  }
  const key = text.trim();
  return key === '' ? problem('a key file holding the API key', `${path} (empty)`) : { key };
}

/** `not found`, `permission denied`, … from a Node file-system error, without echoing anything else. */
export function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'a directory';
  return typeof code === 'string' ? code : 'unreadable';
}
