import { ApiKeyError } from '../errors/api-key-error.ts';
import { readKeyFile } from '../loading/read-key-file.ts';
import { createApiKeyProvider, type ReloadableApiKeyProvider } from './create-api-key-provider.ts';
import type { Secret } from './secret.ts';
import { watchKeyFile } from './watch-key-file.ts';

/** Options of {@link createKeyFileProvider}. */
export interface KeyFileProviderOptions {
  /** Absolute path of the mounted key file. */
  readonly path: string;
  /** The key already read from it (by `loadConfig`), used until the file changes or the key is refused. */
  readonly initial?: Secret;
  /** Watch the file and its directory for rotations. @defaultValue true */
  readonly watch?: boolean;
  /** Wait after the last file event before re-reading, in ms. @defaultValue 20 */
  readonly debounceMs?: number;
  /** Epoch ms. @defaultValue `Date.now` */
  readonly clock?: () => number;
  /** Receives one line per refused re-read (never the key). @defaultValue `console.warn` */
  readonly log?: (line: string) => void;
}

/**
 * An {@link ApiKeyProvider} over a mounted key file (Kubernetes Secret, Vault Agent, CSI driver): re-read when the
 * file or its directory changes and once when the endpoint refuses the key, with the same rules as at start-up on
 * every read (a regular file, not world-readable, not empty, at most 64 KiB). A re-read that breaks a rule keeps the
 * key in use and reports why in a `key-load-failed` event, the status and one log line, naming the file, never a key.
 *
 * @example
 * ```ts
 * const provider = createKeyFileProvider({ path: '/var/run/secrets/cerebras/api-key' });
 * ```
 */
export function createKeyFileProvider(options: KeyFileProviderOptions): ReloadableApiKeyProvider {
  const source = `file ${options.path}`;
  const provider = createApiKeyProvider({
    source,
    kind: 'file',
    initial: options.initial,
    clock: options.clock,
    log: options.log,
    load: () => {
      const result = readKeyFile(options.path);
      if ('key' in result) return result.key;
      const { expected, received } = result.problem;
      throw new ApiKeyError('file-rejected', `key file refused: ${received}; expected ${expected}`, {
        source,
        retryable: false,
      });
    },
  });
  if (options.watch ?? true) {
    const watcher = watchKeyFile(options.path, () => void provider.reload('file-change'), options.debounceMs);
    provider.attachWatcher(watcher);
  }
  return provider;
}
