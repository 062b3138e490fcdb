import type { ChatResponse, ChatStreamEvent } from '@acpt/config';
import { canonicalJson } from '@acpt/config';
import type { RecordedError } from './recorded-error.ts';

/** How a request was made. */
export type ExchangeMode = 'complete' | 'stream';

/** One stream event and when it arrived, in ms after the call started. */
export interface RecordedEvent {
  readonly atMs: number;
  readonly event: ChatStreamEvent;
}

/** One line of a cassette: a request and everything that came back for it. */
export interface CassetteExchange {
  /** Format version. */
  readonly version: 1;
  /** SHA-256 of the canonical request key. */
  readonly key: string;
  /** The request, as its canonical JSON parsed (it never holds credentials). */
  readonly request: unknown;
  /** `complete` or `stream`. */
  readonly mode: ExchangeMode;
  /** 0-based: the how-many-th call with this key and mode it was. */
  readonly occurrence: number;
  /** The response of a successful `complete`. */
  readonly response?: ChatResponse;
  /** The events a `stream` delivered (up to the failure, if it failed). */
  readonly events?: readonly RecordedEvent[];
  /** The failure, if the call failed. */
  readonly error?: RecordedError;
  /** How long the call took, in ms. */
  readonly durationMs: number;
}

const sensitiveKey = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey)$/i;

/**
 * One cassette line: stable JSON (sorted keys) of the exchange, with every member named like a credential header
 * dropped and every occurrence of a `redact` string replaced by `[redacted]`.
 */
export function serializeExchange(exchange: CassetteExchange, redact: readonly string[]): string {
  let line = canonicalJson(scrub(exchange));
  for (const secret of redact) if (secret !== '') line = line.split(secret).join('[redacted]');
  return `${line}\n`;
}

/** Reads a cassette's text: one exchange per non-empty line. */
export function parseCassette(text: string, path: string): CassetteExchange[] {
  const exchanges: CassetteExchange[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const exchange = JSON.parse(line) as CassetteExchange;
    if (exchange.version !== 1)
      throw new Error(`${path}:${index + 1}: unsupported cassette version ${exchange.version}`);
    exchanges.push(exchange);
  });
  return exchanges;
}

function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value === null || typeof value !== 'object') return value;
  const clean: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) if (!sensitiveKey.test(name)) clean[name] = scrub(member);
  return clean;
}
