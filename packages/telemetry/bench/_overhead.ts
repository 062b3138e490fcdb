/**
 * The per-request CPU of the instrumentation alone (no HTTP): the events the real adapter emits for one successful
 * live request (`request-start`, `attempt-start`, `attempt-end`, `request-end`, with the mock server's response
 * shape: usage with cached tokens, Cerebras `time_info`), 64 requests in flight as in the bench, through
 * `instrumentAdapter` into real SDK providers. Compare with `--off` (the same events, nothing listening). A helper for
 * profiling (`--cpu-prof`) and for splitting the cost, not part of the bench target:
 *
 *   node --conditions=@acpt/source --expose-gc bench/_overhead.ts [--off | --no-spans | --no-metrics] [--ratio=0.1] \
 *     [--before]
 *
 * `--ratio=<r>` samples with `ParentBasedSampler(TraceIdRatioBasedSampler(r))` instead of always-on. `--before` uses
 * the settings before issue 18: an attempt span for every attempt and the SDK's own instruments.
 */
import type { AdapterEventListener, AdapterEventMap, AdapterEventName, AdapterEventSource } from '@acpt/config';
import { instrumentAdapter } from '../src/index.ts';
import { createBenchProviders } from './_providers.ts';

class Source implements AdapterEventSource {
  readonly listeners = new Map<AdapterEventName, ((event: never) => void)[]>();
  on<TName extends AdapterEventName>(name: TName, listener: AdapterEventListener<TName>): () => void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener as (event: never) => void]);
    return () => undefined;
  }
  emit<TName extends AdapterEventName>(name: TName, event: AdapterEventMap[TName]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as AdapterEventListener<TName>)(event);
  }
}

const ratioArgument = process.argv.find((argument) => argument.startsWith('--ratio='));
const ratio = ratioArgument === undefined ? undefined : Number(ratioArgument.slice('--ratio='.length));
const source = new Source();
const before = process.argv.includes('--before');
const providers = createBenchProviders({
  spans: process.argv.includes('--no-spans') ? false : ratio === undefined ? 'always-on' : { ratio },
  metrics: !process.argv.includes('--no-metrics'),
  preaggregated: !before,
});
if (!process.argv.includes('--off')) {
  instrumentAdapter(source, { ...providers.instrumentOptions, env: {}, attemptSpans: before ? 'all' : 'retries' });
}

const inFlight = 64;
const request = {
  model: 'gpt-oss-120b',
  messages: [{ role: 'user' as const, content: 'Pick RIS phase bits for the next frame.' }],
  maxCompletionTokens: 256,
};
const live = { role: 'live', provider: 'cerebras' } as const;

function start(requestId: string, now: number): void {
  source.emit('request-start', {
    requestId,
    timestampMs: now,
    model: 'gpt-oss-120b',
    provider: 'cerebras',
    serverAddress: '127.0.0.1',
    serverPort: 40_123,
    stream: false,
    request,
    budgetMs: 5000,
    budgetMode: 'soft',
  });
  source.emit('attempt-start', { requestId, timestampMs: now, attempt: 1, ...live });
}

function finish(requestId: string, now: number): void {
  source.emit('attempt-end', { requestId, timestampMs: now, attempt: 1, ...live, durationMs: 2 });
  // A fresh response per request, as the transport parses one from every body.
  const usage = { promptTokens: 9, completionTokens: 7, totalTokens: 16, cachedTokens: 0 };
  const response = {
    id: `chatcmpl-${requestId}`,
    model: 'gpt-oss-120b',
    provider: 'cerebras',
    text: 'Keep RIS phase bits at 2 and move vehicle 3 to the strong NOMA layer.',
    finishReason: 'stop',
    usage,
    timeInfo: { queueTime: 0.0001, promptTime: 0.00009, completionTime: 0.0035, totalTime: 0.00469 },
    latency: { totalMs: 3 },
  };
  source.emit('request-end', {
    requestId,
    timestampMs: now,
    outcome: 'success',
    durationMs: 3,
    attempts: 1,
    response,
    usage,
    budgetExceeded: false,
  });
}

async function round(first: number, count: number): Promise<number> {
  const begin = performance.now();
  for (let index = first; index < first + count; index++) {
    const now = Date.now();
    start(`req-${index}`, now);
    if (index - inFlight >= first) finish(`req-${index - inFlight}`, now);
    // Let promise callbacks run as they would between requests: the batch span processor only starts its next export
    // after the previous one settled in a microtask, so without this ended spans would pile up in its queue.
    if (index % inFlight === 0) await undefined;
    if (index % 10_000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  for (let index = first + count - inFlight; index < first + count; index++) finish(`req-${index}`, Date.now());
  return ((performance.now() - begin) / count) * 1000;
}

const perRound = 100_000;
await round(0, perRound); // warm-up: the JIT settles after some thousands of requests
const results: number[] = [];
for (let index = 1; index <= 5; index++) {
  (globalThis as { gc?: () => void }).gc?.();
  results.push(await round(index * perRound, perRound));
}
results.sort((a, b) => a - b);
const mode = process.argv.slice(2).join(' ') || 'spans + metrics, always-on';
console.log(`${(results[2] ?? Number.NaN).toFixed(1)} µs per request (median of 5 × ${perRound}; ${mode})`);
await providers.shutdown();
