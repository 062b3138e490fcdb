import { resolve } from 'node:path';
import type { ConfigIssue } from '../errors/config-error.ts';
import { configIssue } from './config-issue.ts';
import type { Provenance } from './provenance.ts';
import { readKeyFile } from './read-key-file.ts';

/**
 * When the merged input names a key file (`apiKeyFile` from a configuration file or override) but no key, reads the
 * key from it with the rules of `CEREBRAS_API_KEY_FILE` (resolved against `cwd`; not world-readable; not empty), so
 * a bad file fails at load time. Normalises `apiKeyFile` to an absolute path in place.
 */
export function checkKeyFileField(input: Record<string, unknown>, provenance: Provenance, cwd: string): ConfigIssue[] {
  const file = input.apiKeyFile;
  if (typeof file !== 'string' || file.trim() === '') return [];
  const path = resolve(cwd, file.trim());
  input.apiKeyFile = path;
  if (input.apiKey !== undefined) return [];
  const result = readKeyFile(path);
  if ('problem' in result) return [configIssue('apiKeyFile', provenance.sourceOf('apiKeyFile'), result.problem)];
  input.apiKey = result.key;
  input.apiKeySource = `file ${path}`;
  return [];
}
