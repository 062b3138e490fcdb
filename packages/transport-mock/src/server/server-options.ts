import type { ModelPrice } from '@acpt/config';
import type { MockClock } from '../clock/mock-clock.ts';
import type { MockBehaviourOptions } from '../engine/mock-engine.ts';
import type { LoadModel } from '../load/capacity-queue.ts';
import type { MockServerLimits } from './server-limits.ts';

/** Options of `createMockCerebrasServer`: the shared mock behaviour plus how to serve it. */
export interface MockCerebrasServerOptions extends MockBehaviourOptions {
  /** Port to listen on; 0 picks a free one. @defaultValue 0 */
  readonly port?: number;
  /** Address to listen on. @defaultValue '127.0.0.1' */
  readonly host?: string;
  /** Serve HTTPS with this PEM key and certificate. */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /** End successful streams with `data: [DONE]` (the docs) instead of a bare EOF (recorded traffic). @defaultValue false */
  readonly sendDone?: boolean;
  /**
   * Accept only this bearer token: another one gets `401 wrong_api_key`, no `Authorization` header
   * `403 {"detail":"Not authenticated"}`. Unset: no authentication.
   */
  readonly apiKey?: string;
  /** Models served (the retired `qwen-3-32b` 404s). @defaultValue ['gpt-oss-120b', 'qwen-3.8-27b'] */
  readonly models?: readonly string[];
  /**
   * Prices the catalogue serves (`GET /v1/models?format=openrouter` and the public catalogue, as USD-per-token
   * strings), by model id in USD per million tokens. @defaultValue the built-in list prices of the served models
   * (`gpt-oss-120b`; `qwen-3.8-27b` has none)
   */
  readonly prices?: Readonly<Record<string, ModelPrice>>;
  /**
   * Model a loaded endpoint: `slots` requests are served at once and up to `queueLimit` wait in a FIFO queue (their
   * latency grows with the requests ahead of them); an arrival that finds the queue full gets Cerebras'
   * `429 queue_exceeded`. Unset: every request is served at once.
   */
  readonly load?: LoadModel | undefined;
  /** Bounds on request bodies, heads and slow clients. @defaultValue see {@link MockServerLimits} */
  readonly limits?: MockServerLimits;
  /** Epoch-ms source of the quota windows and reset headers. Latency always runs on real timers. @defaultValue Date.now */
  readonly clock?: Pick<MockClock, 'now'>;
}

/** The models the mock server lists by default. */
export const DEFAULT_SERVER_MODELS: readonly string[] = ['gpt-oss-120b', 'qwen-3.8-27b'];
