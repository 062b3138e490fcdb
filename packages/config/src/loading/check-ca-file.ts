import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConfigIssue } from '../errors/config-error.ts';
import { configIssue } from './config-issue.ts';
import { isPlainObject } from './config-layer.ts';
import type { Provenance } from './provenance.ts';
import { describeFileError } from './read-key-file.ts';

const maxCaFileBytes = 1024 * 1024;

/**
 * Resolves `tls.caFile` of the merged input against `cwd` (files and env already gave absolute paths) and checks that
 * it is a readable PEM file with at least one certificate, so a bad path fails at load time, not at first request.
 */
export function checkCaFile(input: Record<string, unknown>, provenance: Provenance, cwd: string): ConfigIssue[] {
  const tls = input.tls;
  if (!isPlainObject(tls) || typeof tls.caFile !== 'string' || tls.caFile.trim() === '') return [];
  const path = resolve(cwd, tls.caFile.trim());
  tls.caFile = path;
  const problem = (expected: string, received: string): ConfigIssue[] => [
    configIssue('tls.caFile', provenance.sourceOf('tls.caFile'), { expected, received }),
  ];
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return problem('a PEM certificate file', `${path} (not a regular file)`);
    if (stats.size > maxCaFileBytes) return problem('a PEM file of at most 1 MiB', `${path} (${stats.size} bytes)`);
    if (!readFileSync(path, 'utf8').includes('-----BEGIN CERTIFICATE-----')) {
      return problem('a PEM file with at least one -----BEGIN CERTIFICATE----- block', `${path} (no certificate)`);
    }
  } catch (error) {
    return problem('a readable PEM certificate file', `${path} (${describeFileError(error)})`);
  }
  return [];
}
