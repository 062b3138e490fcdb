import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { afterEach, describe, expect, it } from 'vitest';
import { type AdapterScenario, adapterScenario } from '../__fixtures__/adapter-scenario.ts';
import { createExceptionEvents } from './exception-events.ts';

const PROMPT = 'Pick RIS phase bits for vehicle 3.';
const EXCEPTION = 'gen_ai.client.operation.exception';

let scenario: AdapterScenario | undefined;

afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

function exceptionRecords(current: AdapterScenario): ReadableLogRecord[] {
  return current.telemetry.logs().filter((record) => record.eventName === EXCEPTION);
}

function chatSpanOf(current: AdapterScenario) {
  const span = current.telemetry.spans().find((candidate) => candidate.name.startsWith('chat '));
  if (span === undefined) throw new Error('no chat span');
  return span;
}

describe('gen_ai.client.operation.exception, over the real adapter and the mock transport', () => {
  it('a call that fails after its retries: one WARN event in the chat span context, no message without content capture', async () => {
    scenario = adapterScenario({ liveFaults: [{ kind: 'unauthorized' }], config: { fallback: 'throw' } });
    await expect(scenario.adapter.generate(PROMPT)).rejects.toThrow();
    const span = chatSpanOf(scenario);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    const [record, ...others] = exceptionRecords(scenario);
    expect(others).toEqual([]);
    expect(record?.severityNumber).toBe(13);
    expect(record?.severityText).toBe('WARN');
    expect(record?.body).toBeUndefined();
    expect(record?.spanContext?.traceId).toBe(span.spanContext().traceId);
    expect(record?.spanContext?.spanId).toBe(span.spanContext().spanId);
    expect(record?.hrTime).toEqual(span.endTime);
    expect(record?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'cerebras',
      'gen_ai.request.model': 'gpt-oss-120b',
      'server.address': 'api.cerebras.ai',
      'server.port': 443,
      'error.type': '401',
      'exception.type': span.attributes['acpt.error.code'],
      'exception.message': span.attributes['acpt.error.code'],
      'http.response.status_code': 401,
      'acpt.error.code': span.attributes['acpt.error.code'],
    });
    expect(JSON.stringify(record?.attributes)).not.toContain('csk-test-secret-key-0000');
  });

  it('carries the full (redacted) error message only with content capture on', async () => {
    scenario = adapterScenario({
      instrumentation: { captureContent: 'span' },
      liveFaults: [{ kind: 'unauthorized' }],
      config: { fallback: 'throw' },
    });
    const error = (await scenario.adapter.generate(PROMPT).then(
      () => undefined,
      (caught: unknown) => caught,
    )) as Error;
    const [record] = exceptionRecords(scenario);
    expect(record?.attributes['exception.message']).toBe(error.message);
    expect(String(record?.attributes['exception.message'])).not.toContain('csk-test-secret-key-0000');
  });

  it('no event for a success, for a call the fallback answered, or with exceptionEvents: false', async () => {
    scenario = adapterScenario({ liveFaults: [{ kind: 'server-error', every: 1 }] });
    const answered = await scenario.adapter.generate(PROMPT);
    expect(answered.fallback?.reason).toBe('retries_exhausted');
    expect(exceptionRecords(scenario)).toEqual([]);
    expect(scenario.telemetry.spans().filter((span) => span.status.code === SpanStatusCode.ERROR)).toHaveLength(3);
    await scenario.close();
    scenario = adapterScenario();
    await scenario.adapter.generate(PROMPT);
    expect(exceptionRecords(scenario)).toEqual([]);
    await scenario.close();
    scenario = adapterScenario({
      instrumentation: { exceptionEvents: false },
      liveFaults: [{ kind: 'unauthorized' }],
      config: { fallback: 'throw' },
    });
    await expect(scenario.adapter.generate(PROMPT)).rejects.toThrow();
    expect(exceptionRecords(scenario)).toEqual([]);
  });

  it('needs a logs API: none with an API older than 1.10 and no loggerProvider', () => {
    const options = { enabled: true, loggerProvider: undefined, captureMessages: false };
    expect(createExceptionEvents(options, {})).toBeUndefined();
    expect(createExceptionEvents({ ...options, enabled: false })).toBeUndefined();
  });
});
