import { readFileSync } from 'node:fs';
import type { ChatRequest, ChatResponse, ChatStreamEvent, Transport, TransportCallOptions } from '@acpt/config';
import { canonicalRequestKey, hashRequestKey } from '../canonical/canonical-request-key.ts';
import { type MockClock, realClock } from '../clock/mock-clock.ts';
import { type CassetteExchange, type ExchangeMode, parseCassette } from './cassette.ts';
import { fromRecordedError } from './recorded-error.ts';
import { ReplayMissError } from './replay-miss-error.ts';
import { diffValues } from './request-diff.ts';

/** Options of {@link createReplayTransport}. */
export interface ReplayTransportOptions {
  /** The JSONL cassette a recording transport wrote. */
  readonly cassettePath: string;
  /** Serves requests the cassette does not hold; without it they fail with a `ReplayMissError`. */
  readonly passthrough?: Transport;
  /** `instant` (the default) serves at once; `recorded` waits the recorded durations and event offsets on `clock`. */
  readonly timing?: 'instant' | 'recorded';
  /** Clock of `recorded` timing and of rebuilt errors' waits. @defaultValue real time */
  readonly clock?: MockClock;
  /** `provider` reported to telemetry. @defaultValue 'acpt.replay' */
  readonly provider?: string;
}

/**
 * Serves a cassette deterministically: the n-th call with a given request and mode gets the n-th recorded exchange for
 * it (cycling when the recording has fewer), with the same response, the same stream events, or the same typed
 * error. A request that is not in the cassette goes to `passthrough`, or fails with a `ReplayMissError` naming the
 * nearest recorded request and how they differ.
 *
 * @example
 * const replay = createReplayTransport({ cassettePath: 'fixtures/run.jsonl' });
 */
export function createReplayTransport(options: ReplayTransportOptions): Transport {
  const { cassettePath, passthrough } = options;
  const exchanges = parseCassette(readFileSync(cassettePath, 'utf8'), cassettePath);
  const slots = new Map<string, CassetteExchange[]>();
  for (const exchange of exchanges) {
    const slot = `${exchange.mode}:${exchange.key}`;
    slots.set(slot, [...(slots.get(slot) ?? []), exchange]);
  }
  for (const list of slots.values()) list.sort((left, right) => left.occurrence - right.occurrence);
  const cursors = new Map<string, number>();
  const clock = options.clock ?? realClock;
  const recordedTiming = options.timing === 'recorded';

  const lookup = (request: ChatRequest, mode: ExchangeMode): CassetteExchange | undefined => {
    const canonical = canonicalRequestKey(request);
    const slot = `${mode}:${hashRequestKey(canonical)}`;
    const list = slots.get(slot);
    if (list === undefined || list.length === 0) {
      if (passthrough !== undefined) return undefined;
      throw missError(cassettePath, exchanges, JSON.parse(canonical), mode);
    }
    const cursor = cursors.get(slot) ?? 0;
    cursors.set(slot, cursor + 1);
    return list[cursor % list.length];
  };
  const wait = async (ms: number, signal: AbortSignal | undefined): Promise<void> => {
    if (recordedTiming && ms > 0) await clock.sleep(ms, signal);
    else if (signal?.aborted) throw signal.reason;
  };

  return {
    provider: options.provider ?? 'acpt.replay',
    async complete(request: ChatRequest, callOptions?: TransportCallOptions): Promise<ChatResponse> {
      const exchange = lookup(request, 'complete');
      if (exchange === undefined) return (passthrough as Transport).complete(request, callOptions);
      await wait(exchange.durationMs, callOptions?.signal);
      if (exchange.error !== undefined) throw fromRecordedError(exchange.error, clock.now());
      return exchange.response as ChatResponse;
    },
    async *stream(request: ChatRequest, callOptions?: TransportCallOptions): AsyncGenerator<ChatStreamEvent> {
      const exchange = lookup(request, 'stream');
      if (exchange === undefined) {
        yield* (passthrough as Transport).stream(request, callOptions);
        return;
      }
      let elapsed = 0;
      for (const { atMs, event } of exchange.events ?? []) {
        await wait(atMs - elapsed, callOptions?.signal);
        elapsed = atMs;
        yield event;
      }
      await wait(exchange.durationMs - elapsed, callOptions?.signal);
      if (exchange.error !== undefined) throw fromRecordedError(exchange.error, clock.now());
    },
    close: async (): Promise<void> => {
      await passthrough?.close();
    },
  };
}

function missError(
  path: string,
  exchanges: readonly CassetteExchange[],
  request: unknown,
  mode: ExchangeMode,
): ReplayMissError {
  let nearest: { line: number; mode: ExchangeMode; differences: ReturnType<typeof diffValues> } | undefined;
  exchanges.forEach((exchange, line) => {
    const differences = diffValues({ mode: exchange.mode, request: exchange.request }, { mode, request });
    if (nearest === undefined || differences.length < nearest.differences.length)
      nearest = { line, mode: exchange.mode, differences };
  });
  return new ReplayMissError(path, mode, nearest);
}
