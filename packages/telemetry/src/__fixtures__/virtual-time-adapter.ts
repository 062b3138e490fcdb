import { type CerebrasLLMAdapter, createAdapter } from '@acpt/adapter';
import { type CerebrasConfigInput, parseConfig, type Transport } from '@acpt/config';
import {
  createMockTransport,
  createVirtualClock,
  type FaultRule,
  type MockLatencyModel,
  type VirtualClock,
} from '@acpt/transport-mock';
import { T0 } from './adapter-events.ts';

/**
 * The in-process mock transport presented as the live Cerebras path (`provider: 'cerebras'` with its server), so the
 * real adapter treats it as live: retries, the circuit breaker and the mock fallback all apply.
 */
export function asLiveTransport(inner: Transport): Transport {
  return {
    provider: 'cerebras',
    serverAddress: 'api.cerebras.ai',
    serverPort: 443,
    complete: (request, options) => inner.complete(request, options),
    stream: (request, options) => inner.stream(request, options),
    close: () => inner.close(),
  };
}

/** Options of {@link virtualTimeAdapter}. */
export interface VirtualTimeAdapterOptions {
  /** Faults of the live path. */
  readonly liveFaults?: readonly FaultRule[];
  /** Latency of the live path. @defaultValue fixed 40 ms */
  readonly liveLatency?: MockLatencyModel;
  /** Configuration on top of a live, mock-fallback, deterministic-retry base. */
  readonly config?: CerebrasConfigInput;
  /** Changes the live path (the mock presented as Cerebras), e.g. to decorate its responses. */
  readonly wrapLive?: (live: Transport) => Transport;
}

/**
 * A real adapter over mock transports on a virtual clock starting at `T0`: the live path is a seeded mock presented as
 * Cerebras (40 ms by default), the fallback a 5 ms mock; retries are deterministic (no jitter).
 */
export function virtualTimeAdapter(options: VirtualTimeAdapterOptions = {}): {
  readonly adapter: CerebrasLLMAdapter;
  readonly clock: VirtualClock;
} {
  const clock = createVirtualClock({ startMs: T0, autoAdvance: true });
  const live = createMockTransport({
    seed: 1,
    clock,
    latency: options.liveLatency ?? { kind: 'fixed', ms: 40 },
    faults: options.liveFaults ?? [],
  });
  const mock = createMockTransport({ seed: 2, clock, latency: { kind: 'fixed', ms: 5 } });
  const config = parseConfig({
    apiKey: 'csk-test-secret-key-0000',
    mockMode: false,
    fallback: 'mock',
    retry: { maxRetries: 2, initialBackoffMs: 100, maxBackoffMs: 1_000, multiplier: 2, jitter: 0 },
    batching: { batchSize: 1, maxWaitMs: 0 },
    latencyBudget: { ms: 30_000, mode: 'soft' },
    ...options.config,
  });
  const adapter = createAdapter({
    config,
    transport: options.wrapLive === undefined ? asLiveTransport(live) : options.wrapLive(asLiveTransport(live)),
    mockTransport: mock,
    clock,
    sleep: (ms, signal) => clock.sleep(ms, signal),
    random: () => 0.5,
  });
  return { adapter, clock };
}
