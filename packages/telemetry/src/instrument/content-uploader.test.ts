import { DiagLogLevel, diag } from '@opentelemetry/api';
import { AlwaysOffSampler } from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AdapterScenario, adapterScenario } from '../__fixtures__/adapter-scenario.ts';
import { SEMCONV_V1_41 } from '../semconv/semconv.ts';
import { createContentRecorder } from './content-recorder.ts';
import type { CapturedContent, ContentUploader } from './content-uploader.ts';
import { globalLoggerProvider } from './global-logger-provider.ts';

const PROMPT = 'Pick RIS phase bits for vehicle 3.';

let scenario: AdapterScenario | undefined;

afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
  diag.disable();
});

function captureDiag(): { error: ReturnType<typeof vi.fn>; warn: ReturnType<typeof vi.fn> } {
  const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn(), verbose: vi.fn() };
  diag.setLogger(logger, DiagLogLevel.WARN);
  return logger;
}

/** An uploader that keeps what it gets and answers with a reference built from the span's ids. */
function recordingUploader(): { uploader: ContentUploader; uploads: CapturedContent[] } {
  const uploads: CapturedContent[] = [];
  const uploader: ContentUploader = (content) => {
    uploads.push(structuredClone(content));
    return `blob://prompts/${content.traceId}/${content.spanId}.json`;
  };
  return { uploader, uploads };
}

describe('contentUploader', () => {
  it('runs for an unsampled span, in the default none mode, with the content in the conventions shapes', async () => {
    const { uploader, uploads } = recordingUploader();
    scenario = adapterScenario({ sampler: new AlwaysOffSampler(), instrumentation: { contentUploader: uploader } });
    const response = await scenario.adapter.generate(PROMPT);
    expect(scenario.telemetry.spans()).toEqual([]);
    expect(scenario.telemetry.logs()).toEqual([]);
    expect(uploads).toEqual([
      {
        requestId: expect.any(String),
        traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
        spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
        sampled: false,
        provider: 'cerebras',
        model: 'gpt-oss-120b',
        errorType: undefined,
        inputMessages: [{ role: 'user', parts: [{ type: 'text', content: PROMPT }] }],
        outputMessages: [
          { role: 'assistant', parts: [{ type: 'text', content: response.text }], finish_reason: 'stop' },
        ],
        toolDefinitions: undefined,
      },
    ]);
    expect(JSON.parse(JSON.stringify(uploads[0]))).toMatchObject({ inputMessages: uploads[0]?.inputMessages });
  });

  it('puts the reference it returns on a sampled span as acpt.content.ref, and on the event', async () => {
    const { uploader, uploads } = recordingUploader();
    scenario = adapterScenario({ instrumentation: { captureContent: 'event', contentUploader: uploader } });
    await scenario.adapter.generate(PROMPT);
    const [span] = scenario.telemetry.spans().filter((entry) => entry.name.startsWith('chat'));
    const { traceId, spanId } = span?.spanContext() ?? { traceId: '', spanId: '' };
    expect(uploads.map((upload) => [upload.traceId, upload.spanId, upload.sampled])).toEqual([[traceId, spanId, true]]);
    const reference = `blob://prompts/${traceId}/${spanId}.json`;
    expect(span?.attributes['acpt.content.ref']).toBe(reference);
    expect(span?.attributes['gen_ai.input.messages']).toBeUndefined();
    expect(scenario.telemetry.logs()[0]?.attributes['acpt.content.ref']).toBe(reference);
  });

  it('runs before span or event capture, which record what the hook left (here: redacted)', async () => {
    const redact: ContentUploader = (content) => {
      for (const message of content.inputMessages) {
        for (const part of message.parts) if (part.type === 'text') part.content = '[redacted]';
      }
      return undefined;
    };
    scenario = adapterScenario({ instrumentation: { captureContent: 'span', contentUploader: redact } });
    await scenario.adapter.generate(PROMPT);
    const [span] = scenario.telemetry.spans().filter((entry) => entry.name.startsWith('chat'));
    expect(JSON.parse(String(span?.attributes['gen_ai.input.messages']))).toEqual([
      { role: 'user', parts: [{ type: 'text', content: '[redacted]' }] },
    ]);
    expect(span?.attributes['acpt.content.ref']).toBeUndefined();
  });

  it('a throwing hook never fails the request: reported through diag, the event still emitted', async () => {
    const logger = captureDiag();
    const failing: ContentUploader = () => {
      throw new Error('blob store down');
    };
    scenario = adapterScenario({ instrumentation: { captureContent: 'event', contentUploader: failing } });
    const response = await scenario.adapter.generate(PROMPT);
    expect(response.text).not.toBe('');
    expect(logger.error).toHaveBeenCalledWith('@acpt/telemetry: contentUploader threw: Error: blob store down');
    const [span] = scenario.telemetry.spans().filter((entry) => entry.name.startsWith('chat'));
    expect(span?.attributes['acpt.request.outcome']).toBe('success');
    expect(span?.attributes['acpt.content.ref']).toBeUndefined();
    expect(scenario.telemetry.logs()).toHaveLength(1);
  });

  it('a hook returning a rejecting promise (from JavaScript) is reported through diag, not left unhandled', async () => {
    const logger = captureDiag();
    const asynchronous = (() => Promise.reject(new Error('upload failed'))) as unknown as ContentUploader;
    scenario = adapterScenario({ instrumentation: { contentUploader: asynchronous } });
    await scenario.adapter.generate(PROMPT);
    await new Promise((resolve) => setImmediate(resolve));
    expect(logger.error).toHaveBeenCalledWith('@acpt/telemetry: contentUploader rejected: Error: upload failed');
    const [span] = scenario.telemetry.spans().filter((entry) => entry.name.startsWith('chat'));
    expect(span?.attributes['acpt.content.ref']).toBeUndefined();
  });
});

describe('createContentRecorder', () => {
  const base = { names: SEMCONV_V1_41, loggerProvider: undefined, uploader: undefined };

  it('records nothing, and keeps nothing, in none mode without a hook', () => {
    expect(createContentRecorder({ ...base, mode: 'none' })).toBeUndefined();
  });

  it('in event mode without the logs API (@opentelemetry/api < 1.10) and no loggerProvider: warns, emits nothing', () => {
    const logger = captureDiag();
    expect(createContentRecorder({ ...base, mode: 'event' }, {})).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('needs the logs API of @opentelemetry/api 1.10'));
    expect(globalLoggerProvider({})).toBeUndefined();
    expect(globalLoggerProvider()).toBeDefined();
  });
});
