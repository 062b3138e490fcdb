import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { CHAT_BASE_ATTRIBUTES, requestEnd, requestStart, T0 } from '../__fixtures__/adapter-events.ts';
import { useScriptedInstrumentation } from '../__fixtures__/scripted-instrumentation.ts';

const BASE = CHAT_BASE_ATTRIBUTES;

const scripted = useScriptedInstrumentation();

describe('request outcomes', () => {
  it('an error: status ERROR with the code, error.type on the span and on the duration', async () => {
    scripted.source.emit('request-start', requestStart('r1', 0));
    scripted.source.emit('request-end', {
      ...requestEnd('r1', 50, { outcome: 'error', response: undefined, usage: undefined }),
      error: { type: 'timeout', code: 'ACPT_TIMEOUT', message: 'secret detail', retryable: true },
    });
    const [span] = scripted.harness.spans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'ACPT_TIMEOUT' });
    expect(span?.attributes).toMatchObject({ 'error.type': 'timeout', 'acpt.error.code': 'ACPT_TIMEOUT' });
    expect(span?.attributes['gen_ai.response.finish_reasons']).toBeUndefined();
    const durations = await scripted.harness.histograms('gen_ai.client.operation.duration');
    expect(durations.map(({ attributes, count }) => ({ attributes, count }))).toEqual([
      { attributes: { ...BASE, 'error.type': 'timeout' }, count: 1 },
    ]);
    expect(await scripted.harness.points('gen_ai.client.token.usage')).toEqual([]);
  });

  it('a cut-off stream: finish_reasons ["error"] and the stream error type', () => {
    scripted.source.emit('request-start', requestStart('r1', 0, { stream: true }));
    scripted.source.emit('request-end', {
      ...requestEnd('r1', 50, { outcome: 'error', response: undefined, usage: undefined }),
      error: { type: 'stream_truncated', code: 'ACPT_STREAM_TRUNCATED', message: 'cut', retryable: true },
    });
    expect(scripted.harness.spans()[0]?.attributes).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.response.finish_reasons': ['error'],
      'error.type': 'stream_truncated',
    });
  });

  it('a caller cancel is not an error: status unset, error.type AbortError kept apart on the metric', async () => {
    scripted.source.emit('request-start', requestStart('r1', 0));
    scripted.source.emit('attempt-start', {
      requestId: 'r1',
      timestampMs: T0,
      attempt: 1,
      role: 'live',
      provider: 'cerebras',
    });
    scripted.source.emit('attempt-error', {
      requestId: 'r1',
      timestampMs: T0 + 20,
      attempt: 1,
      role: 'live',
      provider: 'cerebras',
      durationMs: 20,
      error: { type: 'AbortError', message: 'cancelled', retryable: false },
      willRetry: false,
    });
    scripted.source.emit('request-end', {
      ...requestEnd('r1', 20, { outcome: 'aborted', response: undefined }),
      usage: undefined,
    });
    const chat = scripted.harness.spans().find((span) => span.name === 'chat gpt-oss-120b');
    expect(chat?.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(chat?.attributes).toMatchObject({ 'acpt.request.outcome': 'aborted', 'error.type': 'AbortError' });
    const durations = await scripted.harness.histograms('gen_ai.client.operation.duration');
    expect(durations.map(({ attributes }) => attributes)).toEqual([{ ...BASE, 'error.type': 'AbortError' }]);
  });

  it('a soft budget breach: counter by mode, span attributes and event', async () => {
    scripted.source.emit('request-start', requestStart('r1', 0, { budgetMode: 'soft' }));
    scripted.source.emit('budget-exceeded', {
      requestId: 'r1',
      timestampMs: T0 + 3000,
      budgetMs: 2560,
      elapsedMs: 3000,
      mode: 'soft',
    });
    scripted.source.emit('request-end', requestEnd('r1', 3000, { budgetExceeded: true }));
    const [span] = scripted.harness.spans();
    expect(span?.attributes).toMatchObject({ 'acpt.budget.exceeded': true, 'acpt.budget.elapsed_ms': 3000 });
    expect(span?.events.map((event) => [event.name, event.attributes])).toEqual([
      ['acpt.budget.exceeded', { 'acpt.budget.mode': 'soft' }],
    ]);
    expect(await scripted.harness.sums('acpt.llm.budget.breaches')).toEqual([
      { attributes: { ...BASE, 'acpt.budget.mode': 'soft' }, value: 1 },
    ]);
  });

  it.each([
    ['retries', 1],
    ['all', 2],
  ] as const)(
    'mock mode (attemptSpans %s): the logical span is INTERNAL and metrics carry acpt.mock without server.*',
    async (mode, spans) => {
      scripted.reinstrument({ env: {}, attemptSpans: mode });
      scripted.source.emit(
        'request-start',
        requestStart('r1', 0, { provider: 'acpt.mock', serverAddress: undefined, serverPort: undefined }),
      );
      scripted.source.emit('attempt-start', {
        requestId: 'r1',
        timestampMs: T0,
        attempt: 1,
        role: 'mock',
        provider: 'acpt.mock',
      });
      scripted.source.emit('attempt-end', {
        requestId: 'r1',
        timestampMs: T0 + 5,
        attempt: 1,
        role: 'mock',
        provider: 'acpt.mock',
        durationMs: 5,
      });
      scripted.source.emit('request-end', requestEnd('r1', 5));
      expect(scripted.harness.spans().map((span) => [span.name, span.kind])).toEqual(
        Array.from({ length: spans }, () => ['chat gpt-oss-120b', SpanKind.INTERNAL]),
      );
      const durations = await scripted.harness.histograms('gen_ai.client.operation.duration');
      expect(durations.map(({ attributes }) => attributes)).toEqual([
        {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'acpt.mock',
          'gen_ai.request.model': 'gpt-oss-120b',
        },
      ]);
    },
  );

  it('a templated batch with itemCount reports the items as acpt.batch.size', () => {
    scripted.source.emit('request-start', requestStart('r1', 0));
    scripted.source.emit('batch-flush', {
      batchId: 't1',
      timestampMs: T0,
      kind: 'templated',
      requestIds: ['r1'],
      itemCount: 5,
      waitMs: 0,
      model: 'gpt-oss-120b',
    });
    scripted.source.emit('request-end', requestEnd('r1', 30));
    const batch = scripted.harness.spans().find((span) => span.name === 'acpt.batch gpt-oss-120b');
    expect(batch?.attributes['acpt.batch.size']).toBe(5);
    expect(
      scripted.harness.spans().find((span) => span.name === 'chat gpt-oss-120b')?.attributes['acpt.batch.size'],
    ).toBe(5);
  });

  it('circuit state: a gauge of the current state and a counter of transitions', async () => {
    expect(await scripted.harness.sums('acpt.llm.circuit.state')).toEqual([
      { attributes: { 'acpt.circuit.state': 'closed' }, value: 1 },
      { attributes: { 'acpt.circuit.state': 'open' }, value: 0 },
      { attributes: { 'acpt.circuit.state': 'half-open' }, value: 0 },
    ]);
    scripted.source.emit('circuit-state', { timestampMs: T0, from: 'closed', to: 'open', consecutiveFailures: 5 });
    expect(await scripted.harness.sums('acpt.llm.circuit.state')).toEqual([
      { attributes: { 'acpt.circuit.state': 'closed' }, value: 0 },
      { attributes: { 'acpt.circuit.state': 'open' }, value: 1 },
      { attributes: { 'acpt.circuit.state': 'half-open' }, value: 0 },
    ]);
    expect(await scripted.harness.sums('acpt.llm.circuit.transitions')).toEqual([
      { attributes: { 'acpt.circuit.state': 'open' }, value: 1 },
    ]);
  });

  it('rate-limit headers: remaining requests and tokens per window', async () => {
    scripted.source.emit('rate-limit', {
      timestampMs: T0,
      state: {
        observedAtMs: T0,
        requests: { minute: { limit: 30, remaining: 29 } },
        tokens: { minute: { limit: 60_000, remaining: 1200 }, day: { limit: 1_000_000 } },
      },
    });
    expect(await scripted.harness.sums('acpt.llm.rate_limit.remaining')).toEqual([
      { attributes: { 'acpt.rate_limit.resource': 'requests', 'acpt.rate_limit.window': 'minute' }, value: 29 },
      { attributes: { 'acpt.rate_limit.resource': 'tokens', 'acpt.rate_limit.window': 'minute' }, value: 1200 },
    ]);
  });

  it.each([
    ['retries', ['chat gpt-oss-120b']],
    ['all', ['POST', 'chat gpt-oss-120b']],
  ] as const)('detach removes every listener and ends the spans still open (attemptSpans %s)', (mode, names) => {
    scripted.reinstrument({ env: {}, attemptSpans: mode });
    scripted.source.emit('request-start', requestStart('r1', 0));
    scripted.source.emit('attempt-start', {
      requestId: 'r1',
      timestampMs: T0,
      attempt: 1,
      role: 'live',
      provider: 'cerebras',
    });
    expect(scripted.harness.spans()).toHaveLength(0);
    scripted.instrumentation.detach();
    scripted.instrumentation.detach();
    expect(scripted.source.listenerCount).toBe(0);
    // A first attempt still deferred (mode retries) has no span to end: the chat span stands for it.
    expect(scripted.harness.spans().map((span) => span.name)).toEqual(names);
    expect(scripted.instrumentation.activeRequests).toBe(0);
  });

  it('ignores events of requests it never saw start', async () => {
    scripted.source.emit('attempt-start', {
      requestId: 'x',
      timestampMs: T0,
      attempt: 1,
      role: 'live',
      provider: 'cerebras',
    });
    scripted.source.emit('request-end', requestEnd('x', 5));
    expect(scripted.harness.spans()).toEqual([]);
    expect(await scripted.harness.points('gen_ai.client.operation.duration')).toEqual([]);
  });
});
