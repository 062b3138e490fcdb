import { type CerebrasLLMAdapter, type Clock, createAdapter } from '@acpt/adapter';
import type { CerebrasConfig, Transport } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import {
  createMockTransport,
  createRecordingTransport,
  createReplayTransport,
  createSeededRandom,
  createVirtualClock,
  type MockLatencyModel,
  type MockResponder,
} from '@acpt/transport-mock';
import type { RunMode } from './parse-args.ts';

/**
 * The mock's latency model: headers after 150–400 ms (seeded per request), then 2000 tokens/s, roughly a hosted
 * gpt-oss-120b answer. It runs on a virtual clock, so a mock run takes no wall time waiting and stays reproducible.
 */
export const MOCK_LATENCY: MockLatencyModel = { kind: 'seeded', minMs: 150, maxMs: 400, tokensPerSecond: 2000 };

/** The LLM side of a run: the adapter, the clock it measures latency with, and how to close it all. */
export interface LlmEnvironment {
  readonly adapter: CerebrasLLMAdapter;
  /** Virtual in mock and replay modes, real in live mode. */
  readonly clock: Clock;
  /** Closes the adapter and its transports. */
  close(): Promise<void>;
}

/** Options of {@link createLlmEnvironment}. */
export interface LlmEnvironmentOptions {
  readonly mode: RunMode;
  /** The loaded configuration, already set to the mode (`mockMode`, `fallback`, `baseUrl`, …). */
  readonly config: CerebrasConfig;
  readonly seed: number;
  /** The mock "model" (mock mode, and the fallback in live mode). */
  readonly responder: MockResponder;
  /** Live mode: record every exchange of the live transport to this cassette. */
  readonly recordCassette?: string;
  /** Replay mode: the cassette to serve. */
  readonly replayCassette?: string;
  /** Live mode: a transport to use instead of the Cerebras one (tests inject faulty mocks). */
  readonly liveTransport?: Transport;
}

/**
 * Builds the adapter for a mode:
 * - `mock`: the mock transport with the demo's responder and latency model, on a virtual clock;
 * - `live`: the Cerebras transport (optionally recorded to a cassette) after `checkModel()` succeeded, with the mock
 *   as the fallback when the config's fallback is `mock`;
 * - `replay`: a cassette served with its recorded durations on a virtual clock.
 * Backoff jitter comes from a generator seeded with the run's seed, so retries are reproducible too.
 *
 * @throws {ModelUnavailableError} in live mode when the model is retired (e.g. qwen-3-32b) or not served
 */
export async function createLlmEnvironment(options: LlmEnvironmentOptions): Promise<LlmEnvironment> {
  const { config, seed } = options;
  const random = createSeededRandom(`ris-demo-adapter-${seed}`);
  if (options.mode === 'live') {
    const mockTransport = createMockTransport({ seed, responder: options.responder, model: config.model });
    let transport = options.liveTransport;
    if (transport === undefined) {
      const cerebras = createCerebrasTransport({ config });
      try {
        await cerebras.checkModel(config.model);
      } catch (error) {
        await cerebras.close();
        throw error;
      }
      transport = cerebras;
    }
    if (options.recordCassette !== undefined) {
      transport = createRecordingTransport({
        transport,
        cassettePath: options.recordCassette,
        redact: config.apiKey === undefined ? [] : [config.apiKey],
      });
    }
    const adapter = createAdapter({ config, transport, mockTransport, random });
    return { adapter, clock: { now: () => performance.timeOrigin + performance.now() }, close: () => adapter.close() };
  }
  const clock = createVirtualClock({ autoAdvance: true });
  const mockTransport =
    options.mode === 'replay'
      ? createReplayTransport({ cassettePath: requirePath(options.replayCassette), timing: 'recorded', clock })
      : createMockTransport({ seed, responder: options.responder, model: config.model, latency: MOCK_LATENCY, clock });
  const adapter = createAdapter({ config, mockTransport, clock, sleep: clock.sleep, random });
  return { adapter, clock, close: () => adapter.close() };
}

function requirePath(path: string | undefined): string {
  if (path === undefined) throw new TypeError('replay mode needs a cassette path');
  return path;
}
