import { type ApiKeyStatus, type CerebrasConfig, createKeyFileProvider } from '@acpt/config';
import { type CheckRow, row } from './check-row.ts';

function when(status: ApiKeyStatus): string {
  return status.loadedAtMs === undefined ? 'not yet' : new Date(status.loadedAtMs).toISOString();
}

/** The rotation row for a key file: whether it can be watched here, and when it was read. */
function checkWatchedFile(config: CerebrasConfig, path: string): CheckRow {
  const provider = createKeyFileProvider({ path, initial: config.apiKey, log: () => undefined });
  const status = provider.status();
  provider.close();
  if (!status.watching) {
    return row(
      'key-rotation',
      'warn',
      `file ${path} cannot be watched here; a rotated key is picked up only when the endpoint refuses the old one (401)`,
      'Mount the secret as a directory the process can read (Kubernetes secret volume), so its ..data swaps are seen.',
    );
  }
  return row(
    'key-rotation',
    'pass',
    `file ${path} is watched (file and directory: Kubernetes ..data swaps and rewrites) and re-read once on a 401; ` +
      `last read ${when(status)}; key not shown`,
  );
}

/**
 * How the key is kept fresh without a restart, never the key: a watched key file (and when it was last read), a key
 * provider (its TTL and last fetch), or a fixed key that needs a restart to rotate.
 *
 * @param status - the key status of a running transport, when there is one (`keyStatus()`)
 */
export function checkKeyRotation(config: CerebrasConfig | undefined, status?: ApiKeyStatus): CheckRow {
  if (config === undefined) return row('key-rotation', 'skip', 'skipped: no usable configuration with a key');
  if (config.apiKeyProvider !== undefined) {
    const provider = status ?? config.apiKeyProvider.status();
    const every = provider.ttlMs === undefined ? 'until refused' : `for ${provider.ttlMs} ms`;
    const problem = provider.lastProblem === undefined ? '' : `; last problem: ${provider.lastProblem.problem}`;
    return row(
      'key-rotation',
      provider.lastProblem === undefined ? 'pass' : 'warn',
      `${provider.source}: each fetched key is cached ${every} and fetched again after a 401; last fetch ` +
        `${when(provider)}${problem}; key not shown`,
      provider.lastProblem === undefined ? undefined : 'Check the secret manager and the permissions of this process.',
    );
  }
  if (config.apiKeyFile !== undefined) return checkWatchedFile(config, config.apiKeyFile);
  return row(
    'key-rotation',
    'pass',
    `${config.apiKeySource ?? 'apiKey'}: a fixed key (rotating it needs a restart; a key file set with ` +
      'CEREBRAS_API_KEY_FILE, or a key provider in code, rotates without one)',
  );
}
