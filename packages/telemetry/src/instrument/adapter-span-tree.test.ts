import type { AdapterResponse } from '@acpt/adapter';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { T0 } from '../__fixtures__/adapter-events.ts';
import {
  type AdapterScenario,
  type AdapterScenarioOptions,
  adapterScenario,
} from '../__fixtures__/adapter-scenario.ts';
import { genAiResponseAttributes } from '../__fixtures__/response-attributes.ts';
import type { SpanNode } from '../__fixtures__/telemetry-harness.ts';
import { DURATION_BUCKETS_SECONDS } from '../semconv/semconv.ts';
import type { AttemptSpanMode } from './attempt-span-mode.ts';

const MODEL = 'gpt-oss-120b';
const SERVER = { 'server.address': 'api.cerebras.ai', 'server.port': 443 };
const LIVE = {
  'gen_ai.operation.name': 'chat',
  'gen_ai.provider.name': 'cerebras',
  'gen_ai.request.model': MODEL,
  ...SERVER,
};
const REQUEST = { 'acpt.budget.ms': 30_000, 'acpt.budget.mode': 'soft', 'gen_ai.request.max_tokens': 1024 };

let scenario: AdapterScenario | undefined;

const MODES: readonly AttemptSpanMode[] = ['all', 'retries', 'none'];

/** A scenario with `attemptSpans: mode`. */
function withMode(mode: AttemptSpanMode, options: AdapterScenarioOptions = {}): AdapterScenario {
  return adapterScenario({ ...options, instrumentation: { ...options.instrumentation, attemptSpans: mode } });
}

/** The attempt children a mode keeps: all of them, only those of a request that retried, or none. */
function attemptChildren(mode: AttemptSpanMode, children: SpanNode[]): SpanNode[] {
  if (mode === 'none') return [];
  if (mode === 'retries' && children.length < 2) return [];
  return children;
}

afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

/** What the logical span says about the response, taken from what the caller received. */
function responseAttributes(response: AdapterResponse): Record<string, unknown> {
  const time = response.timeInfo;
  return {
    ...genAiResponseAttributes(response),
    'cerebras.time_info.queue_time': time?.queueTime,
    'cerebras.time_info.prompt_time': time?.promptTime,
    'cerebras.time_info.completion_time': time?.completionTime,
    'cerebras.time_info.total_time': time?.totalTime,
    'acpt.cost.usd': response.cost.usd ?? undefined,
    'acpt.cost.source': response.cost.source,
  };
}

function span(
  name: string,
  kind: SpanKind,
  startMs: number,
  endMs: number,
  attributes: Record<string, unknown>,
): SpanNode {
  return {
    name,
    kind,
    status: { code: SpanStatusCode.UNSET },
    startMs,
    endMs,
    attributes,
    events: [],
    links: [],
    children: [],
  };
}

function post(startMs: number, endMs: number, resendCount: number, extra: Record<string, unknown> = {}): SpanNode {
  const attributes: Record<string, unknown> = {
    'gen_ai.provider.name': 'cerebras',
    'http.request.method': 'POST',
    ...SERVER,
  };
  if (resendCount > 0) attributes['http.request.resend_count'] = resendCount;
  return span('POST', SpanKind.CLIENT, startMs, endMs, { ...attributes, ...extra });
}

function failedPost(startMs: number, resendCount: number, status: number, code: string): SpanNode {
  const extra = { 'error.type': String(status), 'http.response.status_code': status, 'acpt.error.code': code };
  return { ...post(startMs, startMs, resendCount, extra), status: { code: SpanStatusCode.ERROR, message: code } };
}

function backoff(atMs: number, delayMs: number, reason: string, source: string, resendCount: number) {
  return {
    name: 'acpt.retry.backoff',
    atMs,
    attributes: {
      'acpt.retry.delay_ms': delayMs,
      'acpt.retry.reason': reason,
      'acpt.retry.delay_source': source,
      'http.request.resend_count': resendCount,
    },
  };
}

describe.each(MODES)('span tree of the real adapter over the mock transport, attemptSpans %s', (mode) => {
  it('success: one CLIENT chat span, with one POST child only in mode all', async () => {
    scenario = withMode(mode);
    const response = await scenario.adapter.generate('Pick a RIS phase profile', {
      seed: 7,
      attributes: { 'acpt.agent.name': 'planner' },
    });
    expect(scenario.telemetry.tree(T0)).toEqual([
      {
        ...span(`chat ${MODEL}`, SpanKind.CLIENT, 0, 40, {
          ...LIVE,
          ...REQUEST,
          'acpt.agent.name': 'planner',
          'gen_ai.request.seed': 7,
          'acpt.retry.attempts': 1,
          'acpt.request.outcome': 'success',
          ...responseAttributes(response),
        }),
        children: attemptChildren(mode, [post(0, 40, 0)]),
      },
    ]);
    expect(await scenario.telemetry.histograms('gen_ai.client.operation.duration')).toEqual([
      { attributes: LIVE, count: 1, sum: 0.04, boundaries: [...DURATION_BUCKETS_SECONDS] },
    ]);
  });

  it('success after two retries: a 429 (server-asked wait), a 503 (backoff), then 200', async () => {
    scenario = withMode(mode, {
      liveFaults: [
        { kind: 'rate-limit-tokens', at: [0] },
        { kind: 'service-unavailable', at: [1] },
      ],
    });
    const response = await scenario.adapter.generate('Pick a RIS phase profile');
    const rateLimited = failedPost(0, 0, 429, 'ACPT_RATE_LIMITED');
    rateLimited.attributes['acpt.rate_limit.kind'] = 'token_quota';
    expect(scenario.telemetry.tree(T0)).toEqual([
      {
        ...span(`chat ${MODEL}`, SpanKind.CLIENT, 0, 20_240, {
          ...LIVE,
          ...REQUEST,
          'acpt.retry.attempts': 3,
          'acpt.request.outcome': 'success',
          ...responseAttributes(response),
        }),
        events: [backoff(0, 20_000, '429', 'server', 1), backoff(20_000, 200, '503', 'backoff', 2)],
        children: attemptChildren(mode, [
          rateLimited,
          failedPost(20_000, 1, 503, 'ACPT_HTTP_STATUS'),
          post(20_200, 20_240, 2),
        ]),
      },
    ]);
    expect(await scenario.telemetry.sums('acpt.llm.retries')).toEqual([
      { attributes: { ...LIVE, 'error.type': '429' }, value: 1 },
      { attributes: { ...LIVE, 'error.type': '503' }, value: 1 },
    ]);
    expect(await scenario.telemetry.sums('acpt.llm.rate_limited')).toEqual([
      { attributes: { ...LIVE, 'acpt.rate_limit.kind': 'token_quota' }, value: 1 },
    ]);
  });

  it('retries exhausted, then the mock fallback: failed POSTs and an INTERNAL acpt.mock chat child', async () => {
    scenario = withMode(mode, { liveFaults: [{ kind: 'service-unavailable' }] });
    const response = await scenario.adapter.generate('Pick a RIS phase profile');
    expect(response.fallback).toEqual({ reason: 'retries_exhausted' });
    expect(scenario.telemetry.tree(T0)).toEqual([
      {
        ...span(`chat ${MODEL}`, SpanKind.CLIENT, 0, 305, {
          ...LIVE,
          ...REQUEST,
          'acpt.fallback': true,
          'acpt.fallback.reason': 'retries_exhausted',
          'acpt.retry.attempts': 4,
          'acpt.request.outcome': 'fallback',
          ...responseAttributes(response),
        }),
        events: [
          backoff(0, 100, '503', 'backoff', 1),
          backoff(100, 200, '503', 'backoff', 2),
          { name: 'acpt.fallback.start', atMs: 300, attributes: { 'acpt.fallback.reason': 'retries_exhausted' } },
        ],
        children: attemptChildren(mode, [
          failedPost(0, 0, 503, 'ACPT_HTTP_STATUS'),
          failedPost(100, 1, 503, 'ACPT_HTTP_STATUS'),
          failedPost(300, 2, 503, 'ACPT_HTTP_STATUS'),
          span(`chat ${MODEL}`, SpanKind.INTERNAL, 300, 305, {
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': 'acpt.mock',
            'gen_ai.request.model': MODEL,
          }),
        ]),
      },
    ]);
    const mockBase = {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'acpt.mock',
      'gen_ai.request.model': MODEL,
    };
    expect(await scenario.telemetry.histograms('gen_ai.client.operation.duration')).toEqual([
      { attributes: mockBase, count: 1, sum: 0.305, boundaries: [...DURATION_BUCKETS_SECONDS] },
    ]);
    expect(await scenario.telemetry.sums('acpt.llm.fallbacks')).toEqual([
      { attributes: { ...LIVE, 'acpt.fallback.reason': 'retries_exhausted' }, value: 1 },
    ]);
  });

  it('a stream: gen_ai.request.stream, time to first chunk, and the chunk histograms', async () => {
    scenario = withMode(mode, {
      liveLatency: { kind: 'fixed', ms: 40, timeToFirstTokenMs: 10, tokensPerSecond: 100 },
    });
    let response: AdapterResponse | undefined;
    let deltas = 0;
    for await (const event of scenario.adapter.stream('Describe the channel')) {
      if (event.type === 'finish') response = event.response;
      else deltas += 1;
    }
    if (response === undefined) throw new Error('the stream ended without a response');
    // The mock's own measurements, in the same virtual time as the adapter's events.
    const endMs = response.latency.totalMs;
    const firstChunkMs = response.latency.timeToFirstTokenMs ?? Number.NaN;
    expect(firstChunkMs).toBe(90);
    expect(scenario.telemetry.tree(T0)).toEqual([
      {
        ...span(`chat ${MODEL}`, SpanKind.CLIENT, 0, endMs, {
          ...LIVE,
          'gen_ai.request.stream': true,
          ...REQUEST,
          'gen_ai.response.time_to_first_chunk': firstChunkMs / 1000,
          'acpt.retry.attempts': 1,
          'acpt.request.outcome': 'success',
          ...responseAttributes(response),
        }),
        events: [{ name: 'gen_ai.first_chunk', atMs: firstChunkMs }],
        children: attemptChildren(mode, [post(0, endMs, 0)]),
      },
    ]);
    const ttfc = await scenario.telemetry.histograms('gen_ai.client.operation.time_to_first_chunk');
    expect(ttfc).toEqual([{ attributes: LIVE, count: 1, sum: 0.09, boundaries: [...DURATION_BUCKETS_SECONDS] }]);
    const perChunk = await scenario.telemetry.histograms('gen_ai.client.operation.time_per_output_chunk');
    expect(perChunk.map(({ count }) => count)).toEqual([deltas - 1]);
    expect(perChunk[0]?.sum).toBeCloseTo((endMs - firstChunkMs) / 1000, 9);
  });

  it('a templated batch: an INTERNAL acpt.batch span linked to the packed chat call', async () => {
    scenario = withMode(mode);
    const result = await scenario.adapter.generateTemplated({
      template: 'Rate the link quality of each vehicle.',
      items: [
        { id: 'v1', input: 'SINR 12 dB' },
        { id: 'v2', input: 'SINR 3 dB' },
        { id: 'v3', input: 'SINR 20 dB' },
      ],
    });
    const tree = scenario.telemetry.tree(T0);
    const chats = tree.filter((node) => node.name === `chat ${MODEL}`);
    const batches = tree.filter((node) => node.name === `acpt.batch ${MODEL}`);
    // The packed call, plus one chat span per item the packed answer did not settle.
    expect(chats).toHaveLength(result.stats.requests);
    expect(tree).toHaveLength(result.stats.requests + 1);
    const [packed, ...reasks] = chats;
    const packedEndMs = packed?.endMs;
    expect(batches).toEqual([
      {
        ...span(`acpt.batch ${MODEL}`, SpanKind.INTERNAL, 0, packedEndMs ?? Number.NaN, {
          'gen_ai.request.model': MODEL,
          'acpt.batch.id': 't1',
          'acpt.batch.kind': 'templated',
          'acpt.batch.size': 3,
          'acpt.batch.wait_ms': 0,
        }),
        links: [`chat ${MODEL}`],
      },
    ]);
    expect(packed?.attributes).toMatchObject({ ...LIVE, 'acpt.batch.id': 't1', 'gen_ai.output.type': 'json' });
    expect(packed?.children).toEqual(
      attemptChildren(mode, [post(0, packedEndMs ?? Number.NaN, 0, { 'acpt.batch.id': 't1' })]),
    );
    for (const reask of reasks) expect(reask.attributes['acpt.batch.id']).toBeUndefined();
  });

  it('a micro-batch: the requests that waited for a slot get acpt.batch spans linked to them, each in its own trace', async () => {
    // Two slots: vehicles 1 and 2 go at once (batching never delays a request while a slot is free); 3 and 4 wait
    // and leave as the two slots free up: one acpt.batch span per dispatch (b1, b2), each linked to its member.
    scenario = withMode(mode, { config: { batching: { batchSize: 2, maxWaitMs: 5, maxInFlight: 2 } } });
    const settled = await scenario.adapter.generateMany([
      { input: 'vehicle 1' },
      { input: 'vehicle 2' },
      { input: 'vehicle 3' },
      { input: 'vehicle 4' },
    ]);
    expect(settled.map((entry) => entry.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const spans = scenario.telemetry.spans();
    const batches = spans.filter((entry) => entry.name === `acpt.batch ${MODEL}`);
    const members = spans.filter((entry) => entry.name === `chat ${MODEL}`);
    const batched = members.filter((member) => member.attributes['acpt.batch.id'] !== undefined);
    expect(batched).toHaveLength(2);
    expect(members.filter((member) => member.attributes['acpt.batch.id'] === undefined)).toHaveLength(2);
    expect(batches.map((batch) => batch.attributes['acpt.batch.id']).sort()).toEqual(['b1', 'b2']);
    for (const batch of batches) {
      expect(batch.attributes).toMatchObject({ 'gen_ai.request.model': MODEL, 'acpt.batch.kind': 'micro' });
    }
    expect(batches.reduce((sum, batch) => sum + Number(batch.attributes['acpt.batch.size']), 0)).toBe(2);
    expect(batches.flatMap((batch) => batch.links.map((link) => link.context.spanId)).sort()).toEqual(
      batched.map((member) => member.spanContext().spanId).sort(),
    );
    expect(new Set(members.map((member) => member.spanContext().traceId)).size).toBe(4);
  });
  it('one failed attempt (a 401, never retried): the chat span stands for it unless mode all gives it a child', async () => {
    scenario = withMode(mode, { liveFaults: [{ kind: 'unauthorized' }], config: { fallback: 'throw' } });
    await expect(scenario.adapter.generate('Pick a RIS phase profile')).rejects.toThrow();
    const [chat] = scenario.telemetry.tree(T0);
    const failed = failedPost(0, 0, 401, 'ACPT_AUTHENTICATION');
    expect(chat?.children).toEqual(attemptChildren(mode, [failed]));
    expect(chat?.status.code).toBe(SpanStatusCode.ERROR);
    expect(chat?.attributes).toMatchObject({ 'error.type': '401', 'acpt.retry.attempts': 1 });
    // The attempt's HTTP status is on the chat span exactly when no attempt span carries it.
    const standsAlone = mode === 'retries';
    expect(chat?.attributes['http.response.status_code']).toBe(standsAlone ? 401 : undefined);
  });
});
