import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ConfigIssue, ConfigSource } from '../errors/config-error.ts';
import { configIssue } from './config-issue.ts';
import { type ConfigLayer, isPlainObject } from './config-layer.ts';
import { describeFileError } from './read-key-file.ts';

const maxConfigFileBytes = 1024 * 1024;

/**
 * Reads a JSON configuration file into a layer. A relative `tls.caFile` inside it is resolved against the file's
 * folder. A file that holds `apiKey` must not be world-readable. Problems name the file, never its content.
 *
 * @param path - as given (relative paths resolve against `cwd`)
 */
export function readConfigFile(path: string, cwd: string): { layer?: ConfigLayer; issues: ConfigIssue[] } {
  const source: ConfigSource = { kind: 'file', path };
  const absolute = resolve(cwd, path);
  const fail = (expected: string, received: string, at = '') => ({
    issues: [configIssue(at, source, { expected, received })],
  });
  let text: string;
  let mode: number;
  try {
    const stats = statSync(absolute);
    if (!stats.isFile()) return fail('a JSON configuration file', `${absolute} (not a regular file)`);
    if (stats.size > maxConfigFileBytes)
      return fail('a configuration file of at most 1 MiB', `${absolute} (${stats.size} bytes)`);
    mode = stats.mode;
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    return fail('a readable JSON configuration file', `${absolute} (${describeFileError(error)})`);
  }
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (error) {
    // Only the position: V8's message quotes the text around it, which may hold a key.
    const where = /at position \d+( \(line \d+ column \d+\))?/.exec(String((error as Error).message))?.[0];
    return fail('valid JSON', `a syntax error${where ? ` ${where}` : ''}`);
  }
  if (!isPlainObject(values)) return { layer: { source, values }, issues: [] };
  if (process.platform !== 'win32' && values.apiKey !== undefined && (mode & 0o004) !== 0) {
    return fail(
      `a config file holding apiKey that is not world-readable (run: chmod 600 ${absolute})`,
      'mode o+r',
      'apiKey',
    );
  }
  const tls = values.tls;
  if (isPlainObject(tls) && typeof tls.caFile === 'string' && tls.caFile.trim() !== '') {
    values.tls = { ...tls, caFile: resolve(dirname(absolute), tls.caFile.trim()) };
  }
  return { layer: { source, values, keySource: `config file ${path}` }, issues: [] };
}
