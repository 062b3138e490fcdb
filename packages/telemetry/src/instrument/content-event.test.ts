import { AcptConfigError, type ChatRequest, type Transport } from '@acpt/config';
import { SpanStatusCode } from '@opentelemetry/api';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  type ReadableLogRecord,
  SimpleLogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it } from 'vitest';
import { CHAT_BASE_ATTRIBUTES } from '../__fixtures__/adapter-events.ts';
import { type AdapterScenario, adapterScenario } from '../__fixtures__/adapter-scenario.ts';
import { FakeEventSource } from '../__fixtures__/fake-event-source.ts';
import { genAiResponseAttributes } from '../__fixtures__/response-attributes.ts';
import { instrumentAdapter } from './instrument-adapter.ts';

const MODEL = 'gpt-oss-120b';
const GEN_AI = CHAT_BASE_ATTRIBUTES;
const SYSTEM = 'You steer a reconfigurable intelligent surface.';
const PROMPT = 'Pick RIS phase bits for vehicle 3.';
const CONTENT_KEYS = ['gen_ai.input.messages', 'gen_ai.output.messages', 'gen_ai.tool.definitions'];

let scenario: AdapterScenario | undefined;

afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

function chatSpan(current: AdapterScenario): ReadableSpan {
  const spans = current.telemetry.spans().filter((span) => span.name === `chat ${MODEL}`);
  expect(spans).toHaveLength(1);
  return spans[0] as ReadableSpan;
}

/** The one content event (a failed call also has its `gen_ai.client.operation.exception`, tested elsewhere). */
function onlyRecord(current: AdapterScenario): ReadableLogRecord {
  const records = current.telemetry
    .logs()
    .filter((record) => record.eventName === 'gen_ai.client.inference.operation.details');
  expect(records).toHaveLength(1);
  return records[0] as ReadableLogRecord;
}

/** Asserts the record is the content event of the chat span: name, severity, no body, same trace and span ids. */
function expectCorrelated(record: ReadableLogRecord, span: ReadableSpan): void {
  expect(record.eventName).toBe('gen_ai.client.inference.operation.details');
  expect(record.severityNumber).toBe(5);
  expect(record.body).toBeUndefined();
  expect(record.instrumentationScope.name).toBe('@acpt/telemetry');
  expect(record.spanContext?.traceId).toBe(span.spanContext().traceId);
  expect(record.spanContext?.spanId).toBe(span.spanContext().spanId);
  expect(record.hrTime).toEqual(span.endTime);
}

function expectNoContentOnSpans(current: AdapterScenario, ...texts: string[]): void {
  const spans = current.telemetry.spans();
  for (const span of spans) for (const key of CONTENT_KEYS) expect(span.attributes[key]).toBeUndefined();
  const serialized = JSON.stringify(spans.map((span) => [span.attributes, span.events, span.status]));
  for (const text of texts) expect(serialized).not.toContain(text);
}

/** Turns the live mock's replies into one tool call, as a model answering with a function call does. */
function answersWithToolCall(live: Transport): Transport {
  return {
    ...live,
    complete: async (request, options) => ({
      ...(await live.complete(request, options)),
      text: '',
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'call_2', type: 'function', function: { name: 'set_phase', arguments: '{"bits":[1,0,1]}' } }],
    }),
  };
}

describe('captureContent: event, over the real adapter and the mock transport', () => {
  it('success: one gen_ai.client.inference.operation.details record in the chat span context, no content on spans', async () => {
    scenario = adapterScenario({ instrumentation: { captureContent: 'event' } });
    const response = await scenario.adapter.generate(
      [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: PROMPT },
      ],
      { seed: 7, temperature: 0.2 },
    );
    const span = chatSpan(scenario);
    const record = onlyRecord(scenario);
    expectCorrelated(record, span);
    expect(record.attributes).toEqual({
      ...GEN_AI,
      'gen_ai.request.seed': 7,
      'gen_ai.request.max_tokens': 1024,
      'gen_ai.request.temperature': 0.2,
      ...genAiResponseAttributes(response),
      'gen_ai.input.messages': [
        { role: 'system', parts: [{ type: 'text', content: SYSTEM }] },
        { role: 'user', parts: [{ type: 'text', content: PROMPT }] },
      ],
      'gen_ai.output.messages': [
        { role: 'assistant', parts: [{ type: 'text', content: response.text }], finish_reason: 'stop' },
      ],
    });
    // Structured values (not JSON strings): the shape survives a JSON round trip as it is.
    expect(JSON.parse(JSON.stringify(record.attributes))).toEqual(record.attributes);
    expect(span.attributes).toMatchObject({ ...GEN_AI, ...genAiResponseAttributes(response) });
    expectNoContentOnSpans(scenario, SYSTEM, PROMPT, response.text);
  });

  it('a tool-call reply: tool definitions, the earlier call and its result, and the reply as a tool_call part', async () => {
    scenario = adapterScenario({ instrumentation: { captureContent: 'event' }, wrapLive: answersWithToolCall });
    const request: ChatRequest = {
      messages: [
        { role: 'user', content: PROMPT },
        {
          role: 'assistant',
          content: null,
          toolCalls: [{ id: 'call_1', type: 'function', function: { name: 'read_channel', arguments: '{"car":3}' } }],
        },
        { role: 'tool', toolCallId: 'call_1', content: '{"snr_db":12.5}' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'set_phase',
            description: 'Sets the phase bits of the surface.',
            parameters: { type: 'object', properties: { bits: { type: 'array', items: { type: 'integer' } } } },
          },
        },
        { type: 'function', function: { name: 'read_channel' } },
      ],
    };
    const response = await scenario.adapter.generate(request);
    expect(response.finishReason).toBe('tool_calls');
    const record = onlyRecord(scenario);
    expectCorrelated(record, chatSpan(scenario));
    expect(record.attributes).toEqual({
      ...GEN_AI,
      'gen_ai.request.max_tokens': 1024,
      ...genAiResponseAttributes(response),
      'gen_ai.input.messages': [
        { role: 'user', parts: [{ type: 'text', content: PROMPT }] },
        {
          role: 'assistant',
          parts: [{ type: 'tool_call', id: 'call_1', name: 'read_channel', arguments: { car: 3 } }],
        },
        { role: 'tool', parts: [{ type: 'tool_call_response', id: 'call_1', response: '{"snr_db":12.5}' }] },
      ],
      'gen_ai.output.messages': [
        {
          role: 'assistant',
          parts: [{ type: 'tool_call', id: 'call_2', name: 'set_phase', arguments: { bits: [1, 0, 1] } }],
          finish_reason: 'tool_calls',
        },
      ],
      'gen_ai.tool.definitions': [
        {
          type: 'function',
          name: 'set_phase',
          description: 'Sets the phase bits of the surface.',
          parameters: { type: 'object', properties: { bits: { type: 'array', items: { type: 'integer' } } } },
        },
        { type: 'function', name: 'read_channel' },
      ],
    });
    expectNoContentOnSpans(scenario, PROMPT, 'snr_db', 'set_phase');
  });

  it('a failed call: the event still carries the input, with error.type and no output', async () => {
    scenario = adapterScenario({
      instrumentation: { captureContent: 'event' },
      liveFaults: [{ kind: 'unauthorized' }],
      config: { fallback: 'throw' },
    });
    await expect(scenario.adapter.generate(PROMPT)).rejects.toThrow();
    const span = chatSpan(scenario);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    const record = onlyRecord(scenario);
    expectCorrelated(record, span);
    expect(record.attributes).toEqual({
      ...GEN_AI,
      'gen_ai.request.max_tokens': 1024,
      'error.type': span.attributes['error.type'],
      'gen_ai.input.messages': [{ role: 'user', parts: [{ type: 'text', content: PROMPT }] }],
    });
    expect(record.attributes['error.type']).toBe('401');
    expectNoContentOnSpans(scenario, PROMPT);
  });

  it('keeps the structure when the SDK truncates long values: each string part is cut, the JSON never', async () => {
    // What OTEL_LOGRECORD_ATTRIBUTE_VALUE_LENGTH_LIMIT=12 gives through NodeSDK.
    const exporter = new InMemoryLogRecordExporter();
    const loggerProvider = new LoggerProvider({
      processors: [new SimpleLogRecordProcessor({ exporter })],
      logRecordLimits: { attributeValueLengthLimit: 12 },
    });
    scenario = adapterScenario({ instrumentation: { captureContent: 'event', loggerProvider } });
    await scenario.adapter.generate(PROMPT);
    const [record] = exporter.getFinishedLogRecords();
    expect(record?.attributes['gen_ai.input.messages']).toEqual([
      { role: 'user', parts: [{ type: 'text', content: PROMPT.slice(0, 12) }] },
    ]);
    await loggerProvider.shutdown();
  });

  it('is selected by ACPT_TELEMETRY_CAPTURE_CONTENT=event too', async () => {
    scenario = adapterScenario({ instrumentation: { env: { ACPT_TELEMETRY_CAPTURE_CONTENT: 'event' } } });
    await scenario.adapter.generate(PROMPT);
    expect(onlyRecord(scenario).eventName).toBe('gen_ai.client.inference.operation.details');
    expectNoContentOnSpans(scenario, PROMPT);
  });

  it('an unknown ACPT_TELEMETRY_CAPTURE_CONTENT fails instrumentAdapter with AcptConfigError', () => {
    const env = { ACPT_TELEMETRY_CAPTURE_CONTENT: 'logs' };
    expect(() => instrumentAdapter(new FakeEventSource(), { env })).toThrow(AcptConfigError);
  });
});

describe('captureContent: none and span', () => {
  it('none (the default) emits no log record and puts no content on spans', async () => {
    scenario = adapterScenario();
    const response = await scenario.adapter.generate(PROMPT);
    expect(scenario.telemetry.logs()).toEqual([]);
    expectNoContentOnSpans(scenario, PROMPT, response.text);
  });

  it('span keeps the JSON-string attributes on the span and emits no log record', async () => {
    scenario = adapterScenario({ instrumentation: { captureContent: 'span' } });
    const response = await scenario.adapter.generate(PROMPT);
    expect(scenario.telemetry.logs()).toEqual([]);
    const span = chatSpan(scenario);
    expect(JSON.parse(String(span.attributes['gen_ai.input.messages']))).toEqual([
      { role: 'user', parts: [{ type: 'text', content: PROMPT }] },
    ]);
    expect(JSON.parse(String(span.attributes['gen_ai.output.messages']))).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: response.text }], finish_reason: 'stop' },
    ]);
  });
});
