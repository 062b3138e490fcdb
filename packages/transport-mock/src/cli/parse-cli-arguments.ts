import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AcptConfigError } from '@acpt/config';
import { validateMockBehaviour } from '../engine/validate-behaviour.ts';
import { parseFaultSpec } from '../faults/parse-fault-spec.ts';
import type { MockLatencyModel } from '../latency/latency-model.ts';
import { parseLoadSpec } from '../load/parse-load-spec.ts';
import { parseRateLimitSpec } from '../rate-limit/parse-rate-limit-spec.ts';
import type { MockCerebrasServerOptions } from '../server/server-options.ts';

/** The usage text of `acpt-mock-server`. */
export const CLI_USAGE: string = `Usage: acpt-mock-server [options]

  --port N                 port (0 = any free one; default 0)
  --host ADDRESS           address (default 127.0.0.1)
  --latency-ms MS|MIN-MAX  wait before headers: fixed, or seeded-random in a range
  --ttft-ms MS             extra wait before the first token
  --tokens-per-second N    generation speed of streamed chunks
  --faults SPEC            e.g. rate-limit-tokens:every=5,service-unavailable:p=0.1:seed=3
  --rate-limits SPEC       e.g. rpm=30,tpm=60000,rpd=14400,tpd=1000000 (also rph, tph)
  --load SPEC              e.g. slots=16,queue=64: a loaded endpoint (latency grows with load; 429 queue_exceeded)
  --send-done              end streams with data: [DONE]
  --api-key KEY            accept only this bearer token (or env ACPT_MOCK_SERVER_API_KEY)
  --models A,B             models served (default gpt-oss-120b,qwen-3.8-27b)
  --seed N                 reply seed (default 0)
  --stream-chunk-tokens N  tokens per streamed chunk (default 4)
  --tls-key FILE --tls-cert FILE   serve HTTPS
  --help                   this text`;

/**
 * Reads the CLI's arguments into server options; `help: true` when `--help` was given.
 *
 * @throws {AcptConfigError} for a malformed number, range (min > max), wait beyond a Node timer's 24.8 days, empty
 * `--models` or `--api-key`, fault or rate-limit spec
 */
export function parseCliArguments(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): { readonly help: boolean; readonly options: MockCerebrasServerOptions } {
  const { values, tokens } = parseArgs({
    args: [...args],
    strict: true,
    tokens: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'latency-ms': { type: 'string' },
      'ttft-ms': { type: 'string' },
      'tokens-per-second': { type: 'string' },
      faults: { type: 'string' },
      'rate-limits': { type: 'string' },
      load: { type: 'string' },
      'send-done': { type: 'boolean' },
      'api-key': { type: 'string' },
      models: { type: 'string' },
      seed: { type: 'string' },
      'stream-chunk-tokens': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const given = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (given.has(token.name)) invalid(token.name, 'given once (it was repeated)', token.value ?? true);
    given.add(token.name);
  }
  const number = (name: string, raw: string | undefined): number | undefined => {
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value < 0) invalid(name, 'a number of at least 0', raw);
    return value;
  };
  const integer = (name: string, raw: string | undefined, min: number, max: number): number | undefined => {
    const value = number(name, raw);
    if (value !== undefined && (!Number.isSafeInteger(value) || value < min || value > max))
      invalid(name, `an integer from ${min} to ${max}`, raw);
    return value;
  };
  const apiKey = values['api-key'] ?? env.ACPT_MOCK_SERVER_API_KEY;
  if (apiKey === '')
    invalid(
      'api-key',
      'a non-empty key (an empty one would silently turn authentication off; leave it out to serve without one)',
      '',
    );
  const tlsKey = values['tls-key'];
  const tlsCert = values['tls-cert'];
  if ((tlsKey === undefined) !== (tlsCert === undefined)) invalid('tls', '--tls-key and --tls-cert together', 'one');
  const options: MockCerebrasServerOptions = {
    port: integer('port', values.port, 0, 65_535) ?? 0,
    host: values.host ?? '127.0.0.1',
    latency: latencyOf(
      values['latency-ms'],
      number('ttft-ms', values['ttft-ms']),
      number('tokens-per-second', values['tokens-per-second']),
    ),
    faults: values.faults === undefined ? undefined : parseFaultSpec(values.faults),
    rateLimits: values['rate-limits'] === undefined ? undefined : parseRateLimitSpec(values['rate-limits']),
    load: values.load === undefined ? undefined : parseLoadSpec(values.load),
    sendDone: values['send-done'] ?? false,
    apiKey,
    models: values.models?.split(',').map((model) => model.trim()),
    seed: integer('seed', values.seed, 0, Number.MAX_SAFE_INTEGER),
    streamChunkTokens: integer('stream-chunk-tokens', values['stream-chunk-tokens'], 1, 1_000_000),
    tls: tlsKey && tlsCert ? { key: readFileSync(tlsKey), cert: readFileSync(tlsCert) } : undefined,
  };
  validateMockBehaviour(options);
  return { help: values.help ?? false, options };
}

function latencyOf(
  raw: string | undefined,
  ttft: number | undefined,
  rate: number | undefined,
): MockLatencyModel | undefined {
  if (raw === undefined && ttft === undefined && rate === undefined) return undefined;
  const shape = { timeToFirstTokenMs: ttft, tokensPerSecond: rate };
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(raw ?? '');
  if (range) return { kind: 'seeded', minMs: Number(range[1]), maxMs: Number(range[2]), ...shape };
  const ms = Number(raw ?? 0);
  if (!Number.isFinite(ms) || ms < 0) invalid('latency-ms', 'MS or MIN-MAX', raw);
  return { kind: 'fixed', ms, ...shape };
}

function invalid(name: string, expected: string, received: unknown): never {
  throw new AcptConfigError([
    {
      path: name,
      expected,
      received: JSON.stringify(received) ?? String(received),
      source: { kind: 'override' },
      message: `--${name} must be ${expected}`,
    },
  ]);
}
