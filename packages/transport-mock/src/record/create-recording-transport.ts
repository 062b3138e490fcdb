import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChatRequest, ChatResponse, ChatStreamEvent, Secret, Transport, TransportCallOptions } from '@acpt/config';
import { canonicalRequestKey, hashRequestKey } from '../canonical/canonical-request-key.ts';
import { type MockClock, realClock } from '../clock/mock-clock.ts';
import { type CassetteExchange, type ExchangeMode, type RecordedEvent, serializeExchange } from './cassette.ts';
import { toRecordedError } from './recorded-error.ts';

/** Options of {@link createRecordingTransport}. */
export interface RecordingTransportOptions {
  /** The transport that really answers (the Cerebras transport, a mock, …). */
  readonly transport: Transport;
  /** The JSONL cassette to write. */
  readonly cassettePath: string;
  /** Keep the exchanges already in the cassette instead of starting it afresh. @defaultValue false */
  readonly append?: boolean;
  /** Strings (such as the API key) replaced by `[redacted]` wherever they would appear in the cassette. */
  readonly redact?: readonly (string | Secret)[];
  /** Measures durations and event offsets. @defaultValue real time */
  readonly clock?: Pick<MockClock, 'now'>;
}

/**
 * Wraps a transport and appends each exchange to a JSONL cassette as it ends: the canonical request key and request,
 * the response or the stream's events with their offsets, the duration, and the failure if any. Calls the caller
 * aborted are not recorded (they are the caller's doing, not the endpoint's). No credential is ever written: requests
 * hold none, credential-like headers are dropped, and `redact` strings are masked.
 *
 * @example
 * const recorder = createRecordingTransport({ transport: live, cassettePath: 'fixtures/run.jsonl', redact: [apiKey] });
 */
export function createRecordingTransport(options: RecordingTransportOptions): Transport {
  const { transport, cassettePath } = options;
  const clock = options.clock ?? realClock;
  const redact = (options.redact ?? []).map((secret) => (typeof secret === 'string' ? secret : secret.reveal()));
  mkdirSync(dirname(cassettePath), { recursive: true });
  if (!options.append) writeFileSync(cassettePath, '');
  const occurrences = new Map<string, number>();

  const begin = (request: ChatRequest, mode: ExchangeMode) => {
    const canonical = canonicalRequestKey(request);
    const key = hashRequestKey(canonical);
    const slot = `${mode}:${key}`;
    const occurrence = occurrences.get(slot) ?? 0;
    occurrences.set(slot, occurrence + 1);
    const startedAt = clock.now();
    return (outcome: Partial<Pick<CassetteExchange, 'response' | 'events' | 'error'>>): void => {
      const exchange: CassetteExchange = {
        version: 1,
        key,
        request: JSON.parse(canonical),
        mode,
        occurrence,
        ...outcome,
        durationMs: clock.now() - startedAt,
      };
      appendFileSync(cassettePath, serializeExchange(exchange, redact));
    };
  };
  const callerAborted = (callOptions: TransportCallOptions | undefined): boolean =>
    callOptions?.signal?.aborted === true;

  return {
    provider: transport.provider,
    serverAddress: transport.serverAddress,
    serverPort: transport.serverPort,
    async complete(request: ChatRequest, callOptions?: TransportCallOptions): Promise<ChatResponse> {
      const finish = begin(request, 'complete');
      try {
        const response = await transport.complete(request, callOptions);
        finish({ response });
        return response;
      } catch (error) {
        if (!callerAborted(callOptions)) finish({ error: toRecordedError(error) });
        throw error;
      }
    },
    async *stream(request: ChatRequest, callOptions?: TransportCallOptions): AsyncGenerator<ChatStreamEvent> {
      const finish = begin(request, 'stream');
      const startedAt = clock.now();
      const events: RecordedEvent[] = [];
      let ended = false;
      try {
        for await (const event of transport.stream(request, callOptions)) {
          events.push({ atMs: clock.now() - startedAt, event });
          yield event;
        }
        ended = true;
        finish({ events });
      } catch (error) {
        ended = true;
        if (!callerAborted(callOptions)) finish({ events, error: toRecordedError(error) });
        throw error;
      } finally {
        if (!ended) finish({ events, error: { type: 'aborted', message: 'The consumer stopped reading the stream' } });
      }
    },
    close: (): Promise<void> => transport.close(),
  };
}
