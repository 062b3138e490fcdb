import { statSync } from 'node:fs';
import { type CerebrasConfig, describeConfigSource } from '@acpt/config';
import { type CheckRow, row } from './check-row.ts';
import type { DoctorConfig } from './load-doctor-config.ts';

const mountFix =
  'Mount the key from your secret manager as a file (Kubernetes secret volume with defaultMode 0400, Vault agent, ' +
  'Docker secret), chmod 600 it and set CEREBRAS_API_KEY_FILE to its path.';

/** Mode bits as `0640`. */
function octal(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

/** The row for a key read from a file: its mode must keep group and others out. */
function checkKeyFile(path: string): CheckRow {
  let mode: number;
  let uid: number;
  try {
    ({ mode, uid } = statSync(path));
  } catch {
    return row('key-source', 'fail', `key file ${path} cannot be read any more`, mountFix);
  }
  if ((mode & 0o077) !== 0) {
    return row(
      'key-source',
      (mode & 0o004) !== 0 ? 'fail' : 'warn',
      `key file ${path} is readable by ${(mode & 0o004) !== 0 ? 'every user' : 'its group'} (mode ${octal(mode)})`,
      `chmod 600 ${path} (Kubernetes: defaultMode: 0400 on the secret volume).`,
    );
  }
  return row('key-source', 'pass', `file ${path} (mode ${octal(mode)}, owner uid ${uid}); key not shown`);
}

/** The row for a loaded configuration: where `apiKeySource` says the key came from. */
function checkLoadedKey(config: CerebrasConfig): CheckRow {
  const source = config.apiKeySource ?? 'unknown';
  if (config.apiKey === undefined) {
    return row('key-source', 'fail', 'no API key configured', mountFix);
  }
  if (source.startsWith('file ')) return checkKeyFile(source.slice('file '.length));
  if (source.startsWith('config file ')) {
    return row(
      'key-source',
      'warn',
      `the key sits in the JSON ${source}; key not shown`,
      `Config files get copied and committed. ${mountFix}`,
    );
  }
  return row(
    'key-source',
    'pass',
    `${source}; key not shown (a mounted file via CEREBRAS_API_KEY_FILE keeps it out of the process environment)`,
  );
}

/**
 * Where the API key comes from, never the key: a mounted file (which must not be readable by group or others), the
 * environment, or a config file. Fails when there is no key or `loadConfig` refused its source.
 */
export function checkKeySource(loaded: DoctorConfig): CheckRow {
  if (loaded.live !== undefined) return checkLoadedKey(loaded.live);
  const issue = loaded.keyIssues[0];
  if (issue === undefined) return row('key-source', 'skip', 'the configuration did not load (see the config row)');
  // The doctor's own live-mode override is what makes a key required: no variable or file named one.
  if (issue.source.kind === 'override') {
    return row(
      'key-source',
      'fail',
      'no API key configured (CEREBRAS_API_KEY_FILE and CEREBRAS_API_KEY are unset)',
      mountFix,
    );
  }
  const chmod = /run: (chmod 600 \S+)\)/.exec(issue.expected)?.[1];
  return row(
    'key-source',
    'fail',
    `${describeConfigSource(issue.source)}: ${issue.message}`,
    chmod !== undefined ? `${chmod} (Kubernetes: defaultMode: 0400 on the secret volume).` : mountFix,
  );
}
