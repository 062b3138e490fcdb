import {
  type ApiKeyProvider,
  type CerebrasConfig,
  createApiKeyProvider,
  createKeyFileProvider,
  isApiKeyProvider,
  Secret,
} from '@acpt/config';

/** The key provider a transport sends with, and whether the transport owns (and so closes) it. */
export interface TransportKeyProvider {
  readonly provider: ApiKeyProvider;
  /** True for a key that never changes: calls skip the refresh-on-401 path. */
  readonly isStatic: boolean;
  /** True when the transport created it (a key-file watcher) and closes it with itself. */
  readonly owned: boolean;
}

/**
 * Where the transport's keys come from: the configured `apiKeyProvider`; a watched {@link createKeyFileProvider} over
 * `apiKeyFile` (seeded with the key read at load time); or the static `apiKey`.
 *
 * @param options - `watchKeyFile`: watch the key file for rotations (re-reads on 401 happen either way); `log`:
 * where refused re-reads are reported
 */
export function createTransportKeyProvider(
  config: CerebrasConfig,
  options: { readonly watchKeyFile: boolean; readonly log?: (line: string) => void },
): TransportKeyProvider {
  if (isApiKeyProvider(config.apiKeyProvider)) {
    return { provider: config.apiKeyProvider, isStatic: false, owned: false };
  }
  if (config.apiKeyFile !== undefined) {
    const provider = createKeyFileProvider({
      path: config.apiKeyFile,
      initial: Secret.isInstance(config.apiKey) ? config.apiKey : undefined,
      watch: options.watchKeyFile,
      log: options.log,
    });
    return { provider, isStatic: false, owned: true };
  }
  const key = config.apiKey as Secret;
  const provider = createApiKeyProvider({
    source: config.apiKeySource ?? 'apiKey',
    kind: 'static',
    initial: key,
    load: () => key.reveal(),
  });
  return { provider, isStatic: true, owned: true };
}
