import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import {
  CHAT_BASE_ATTRIBUTES,
  chatResponse,
  RATE_LIMITED,
  requestEnd,
  requestStart,
  T0,
  UNAVAILABLE,
} from '../__fixtures__/adapter-events.ts';
import { useScriptedInstrumentation } from '../__fixtures__/scripted-instrumentation.ts';
import { DURATION_BUCKETS_SECONDS } from '../semconv/semconv.ts';

const LIVE = { role: 'live', provider: 'cerebras' } as const;
const BASE = CHAT_BASE_ATTRIBUTES;

const scripted = useScriptedInstrumentation();

describe('instrumentAdapter on scripted events', () => {
  it('success after two retries: one chat span, three POST children, backoff events, retry counters', async () => {
    scripted.source.emit('request-start', requestStart('r1', 0));
    scripted.source.emit('attempt-start', { requestId: 'r1', timestampMs: T0, attempt: 1, ...LIVE });
    scripted.source.emit('attempt-error', {
      requestId: 'r1',
      timestampMs: T0 + 10,
      attempt: 1,
      ...LIVE,
      durationMs: 10,
      error: RATE_LIMITED,
      willRetry: true,
    });
    scripted.source.emit('retry-scheduled', {
      requestId: 'r1',
      timestampMs: T0 + 10,
      nextAttempt: 2,
      delayMs: 100,
      reason: '429',
      delaySource: 'server',
    });
    scripted.source.emit('attempt-start', { requestId: 'r1', timestampMs: T0 + 110, attempt: 2, ...LIVE });
    scripted.source.emit('attempt-error', {
      requestId: 'r1',
      timestampMs: T0 + 130,
      attempt: 2,
      ...LIVE,
      durationMs: 20,
      error: UNAVAILABLE,
      willRetry: true,
    });
    scripted.source.emit('retry-scheduled', {
      requestId: 'r1',
      timestampMs: T0 + 130,
      nextAttempt: 3,
      delayMs: 200,
      reason: '503',
      delaySource: 'backoff',
    });
    scripted.source.emit('attempt-start', { requestId: 'r1', timestampMs: T0 + 330, attempt: 3, ...LIVE });
    scripted.source.emit('attempt-end', {
      requestId: 'r1',
      timestampMs: T0 + 370,
      attempt: 3,
      ...LIVE,
      durationMs: 40,
    });
    scripted.source.emit('request-end', requestEnd('r1', 370, { attempts: 3 }));

    expect(scripted.instrumentation.activeRequests).toBe(0);
    const post = (startMs: number, endMs: number, extra: Record<string, unknown>) => ({
      name: 'POST',
      kind: SpanKind.CLIENT,
      startMs,
      endMs,
      attributes: {
        'gen_ai.provider.name': 'cerebras',
        'http.request.method': 'POST',
        'server.address': 'api.cerebras.ai',
        'server.port': 443,
        ...extra,
      },
      events: [],
      links: [],
      children: [],
    });
    expect(scripted.harness.tree(T0)).toEqual([
      {
        name: 'chat gpt-oss-120b',
        kind: SpanKind.CLIENT,
        status: { code: SpanStatusCode.UNSET },
        startMs: 0,
        endMs: 370,
        attributes: {
          ...BASE,
          'gen_ai.request.seed': 7,
          'gen_ai.request.max_tokens': 256,
          'acpt.budget.ms': 2560,
          'acpt.budget.mode': 'hard',
          'acpt.retry.attempts': 3,
          'acpt.request.outcome': 'success',
          'gen_ai.response.id': 'chatcmpl-1',
          'gen_ai.response.model': 'gpt-oss-120b',
          'gen_ai.response.finish_reasons': ['stop'],
          'gen_ai.usage.input_tokens': 12,
          'gen_ai.usage.output_tokens': 30,
          'cerebras.time_info.queue_time': 0.001,
          'cerebras.time_info.prompt_time': 0.002,
          'cerebras.time_info.completion_time': 0.03,
          'cerebras.time_info.total_time': 0.033,
        },
        events: [
          {
            name: 'acpt.retry.backoff',
            atMs: 10,
            attributes: {
              'acpt.retry.delay_ms': 100,
              'acpt.retry.reason': '429',
              'acpt.retry.delay_source': 'server',
              'http.request.resend_count': 1,
            },
          },
          {
            name: 'acpt.retry.backoff',
            atMs: 130,
            attributes: {
              'acpt.retry.delay_ms': 200,
              'acpt.retry.reason': '503',
              'acpt.retry.delay_source': 'backoff',
              'http.request.resend_count': 2,
            },
          },
        ],
        links: [],
        children: [
          {
            ...post(0, 10, {
              'error.type': '429',
              'http.response.status_code': 429,
              'acpt.error.code': 'ACPT_RATE_LIMITED',
              'acpt.rate_limit.kind': 'token_quota',
            }),
            status: { code: SpanStatusCode.ERROR, message: 'ACPT_RATE_LIMITED' },
          },
          {
            ...post(110, 130, {
              'http.request.resend_count': 1,
              'error.type': '503',
              'http.response.status_code': 503,
              'acpt.error.code': 'ACPT_HTTP_STATUS',
            }),
            status: { code: SpanStatusCode.ERROR, message: 'ACPT_HTTP_STATUS' },
          },
          { ...post(330, 370, { 'http.request.resend_count': 2 }), status: { code: SpanStatusCode.UNSET } },
        ],
      },
    ]);

    expect(await scripted.harness.sums('acpt.llm.retries')).toEqual([
      { attributes: { ...BASE, 'error.type': '429' }, value: 1 },
      { attributes: { ...BASE, 'error.type': '503' }, value: 1 },
    ]);
    expect(await scripted.harness.sums('acpt.llm.attempts')).toEqual([{ attributes: BASE, value: 3 }]);
    expect(await scripted.harness.sums('acpt.llm.rate_limited')).toEqual([
      { attributes: { ...BASE, 'acpt.rate_limit.kind': 'token_quota' }, value: 1 },
    ]);
    expect(await scripted.harness.histograms('gen_ai.client.operation.duration')).toEqual([
      { attributes: BASE, count: 1, sum: 0.37, boundaries: [...DURATION_BUCKETS_SECONDS] },
    ]);
    expect(await scripted.harness.histograms('acpt.llm.attempt.duration')).toEqual([
      {
        attributes: { ...BASE, 'error.type': '429', 'http.response.status_code': 429 },
        count: 1,
        sum: 0.01,
        boundaries: [...DURATION_BUCKETS_SECONDS],
      },
      {
        attributes: { ...BASE, 'error.type': '503', 'http.response.status_code': 503 },
        count: 1,
        sum: 0.02,
        boundaries: [...DURATION_BUCKETS_SECONDS],
      },
      { attributes: BASE, count: 1, sum: 0.04, boundaries: [...DURATION_BUCKETS_SECONDS] },
    ]);
    const tokens = await scripted.harness.histograms('gen_ai.client.token.usage');
    expect(tokens.map(({ attributes, sum, count }) => ({ attributes, sum, count }))).toEqual([
      { attributes: { ...BASE, 'gen_ai.token.type': 'input' }, sum: 12, count: 1 },
      { attributes: { ...BASE, 'gen_ai.token.type': 'output' }, sum: 30, count: 1 },
    ]);
    expect(await scripted.harness.sums('acpt.llm.finish_reasons')).toEqual([
      { attributes: { ...BASE, 'acpt.finish_reason': 'stop' }, value: 1 },
    ]);
  });

  it('never records prompt or reply content unless opted in', () => {
    scripted.source.emit('request-start', requestStart('r1', 0));
    scripted.source.emit('request-end', requestEnd('r1', 5));
    const serialized = JSON.stringify(scripted.harness.spans().map((span) => [span.attributes, span.events]));
    expect(serialized).not.toContain('secret');
    expect(serialized).not.toContain('gen_ai.input.messages');
  });

  it('records content on the span when opted in', () => {
    scripted.reinstrument({ captureContent: true });
    scripted.source.emit('request-start', requestStart('r1', 0));
    scripted.source.emit('request-end', requestEnd('r1', 5, { response: chatResponse({ reasoning: 'think' }) }));
    const [span] = scripted.harness.spans();
    expect(JSON.parse(String(span?.attributes['gen_ai.input.messages']))).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'secret prompt text' }] },
    ]);
    expect(JSON.parse(String(span?.attributes['gen_ai.output.messages']))).toEqual([
      {
        role: 'assistant',
        parts: [
          { type: 'reasoning', content: 'think' },
          { type: 'text', content: 'secret reply text' },
        ],
        finish_reason: 'stop',
      },
    ]);
  });
});
