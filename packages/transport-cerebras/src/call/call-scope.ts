import type { Dispatcher } from 'undici';
import type { FailureScope } from '../errors/map-transport-failure.ts';
import type { TransportSettings } from '../settings/resolve-transport-settings.ts';

/** One endpoint path with everything precomputed for its calls. */
export interface EndpointScope {
  /** Request path (base path included). */
  readonly path: string;
  /** Full URL, for errors. */
  readonly url: string;
  /** How failures on this path are mapped. */
  readonly failure: FailureScope;
}

/** What every call of one transport shares, built once at creation so a call allocates only what it must. */
export interface CallScope {
  /** Checked settings and prebuilt headers. */
  readonly settings: TransportSettings;
  /** The dispatcher requests go through. */
  readonly dispatcher: Dispatcher;
  /** Epoch ms, for rate-limit state and `retry-after` dates. */
  readonly clock: () => number;
  /** `POST /v1/chat/completions`. */
  readonly chat: EndpointScope;
  /** `GET /v1/models`. */
  readonly models: EndpointScope;
  /** `GET /v1/tcp_warming`. */
  readonly warming: EndpointScope;
}

/** Builds the shared scope of a transport's calls. */
export function createCallScope(
  settings: TransportSettings,
  dispatcher: Dispatcher,
  clock: () => number,
  isClosed: () => boolean,
): CallScope {
  const endpoint = (method: string, path: string): EndpointScope => {
    const fullPath = settings.basePath + path;
    const url = settings.origin + fullPath;
    return {
      path: fullPath,
      url,
      failure: {
        target: `${method} ${url}`,
        timeouts: settings.timeouts,
        apiKey: settings.apiKey,
        isClosed,
        proxy: settings.proxy?.url === undefined ? undefined : settings.proxy.display,
      },
    };
  };
  return {
    settings,
    dispatcher,
    clock,
    chat: endpoint('POST', '/v1/chat/completions'),
    models: endpoint('GET', '/v1/models'),
    warming: endpoint('GET', '/v1/tcp_warming'),
  };
}
