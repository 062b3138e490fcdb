import { AcptConfigError } from '@acpt/config';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveContentCaptureMode } from './content-capture-mode.ts';

function captureDiag(): { warn: ReturnType<typeof vi.fn> } {
  const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn(), verbose: vi.fn() };
  diag.setLogger(logger, DiagLogLevel.WARN);
  return logger;
}

afterEach(() => {
  diag.disable();
});

describe('resolveContentCaptureMode', () => {
  it('is none by default', () => {
    expect(resolveContentCaptureMode(undefined, {})).toBe('none');
    expect(resolveContentCaptureMode(undefined, { ACPT_TELEMETRY_CAPTURE_CONTENT: '  ' })).toBe('none');
  });

  it('maps the option: true is span, false is none, modes as given; the option wins over the environment', () => {
    const env = { ACPT_TELEMETRY_CAPTURE_CONTENT: 'event' };
    expect(resolveContentCaptureMode(true, env)).toBe('span');
    expect(resolveContentCaptureMode(false, env)).toBe('none');
    expect(resolveContentCaptureMode('span', env)).toBe('span');
    expect(resolveContentCaptureMode('none', env)).toBe('none');
    expect(resolveContentCaptureMode('event', {})).toBe('event');
  });

  it('reads ACPT_TELEMETRY_CAPTURE_CONTENT in any case, trimmed, before the OTel switch', () => {
    expect(resolveContentCaptureMode(undefined, { ACPT_TELEMETRY_CAPTURE_CONTENT: ' Event ' })).toBe('event');
    expect(resolveContentCaptureMode(undefined, { ACPT_TELEMETRY_CAPTURE_CONTENT: 'SPAN' })).toBe('span');
    const both = { ACPT_TELEMETRY_CAPTURE_CONTENT: 'none', OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'true' };
    expect(resolveContentCaptureMode(undefined, both)).toBe('none');
  });

  it('honours OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true as span', () => {
    const variable = 'OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT';
    expect(resolveContentCaptureMode(undefined, { [variable]: 'TRUE' })).toBe('span');
    expect(resolveContentCaptureMode(undefined, { [variable]: 'false' })).toBe('none');
  });

  it('throws a typed error naming ACPT_TELEMETRY_CAPTURE_CONTENT and the allowed values for an unknown value', () => {
    let thrown: unknown;
    try {
      resolveContentCaptureMode(undefined, { ACPT_TELEMETRY_CAPTURE_CONTENT: 'spans' });
    } catch (error) {
      thrown = error;
    }
    expect(AcptConfigError.isInstance(thrown)).toBe(true);
    const error = thrown as AcptConfigError;
    expect(error.code).toBe('ACPT_CONFIG_INVALID');
    expect(error.issues).toEqual([
      {
        path: 'captureContent',
        expected: 'one of none, span, event',
        received: '"spans"',
        source: { kind: 'env', name: 'ACPT_TELEMETRY_CAPTURE_CONTENT' },
        message: 'ACPT_TELEMETRY_CAPTURE_CONTENT must be one of none, span or event (received "spans")',
      },
    ]);
    expect(error.message).toContain('ACPT_TELEMETRY_CAPTURE_CONTENT must be one of none, span or event');
  });

  it('throws the same for an unknown option value (from JavaScript)', () => {
    const call = () => resolveContentCaptureMode('log' as never, {});
    expect(call).toThrow(AcptConfigError);
    expect(call).toThrow('captureContent must be one of none, span or event (received "log")');
  });

  it('warns through diag about a non-boolean OTel value and captures nothing', () => {
    const logger = captureDiag();
    const env = { OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'yes' };
    expect(resolveContentCaptureMode(undefined, env)).toBe('none');
    expect(logger.warn).toHaveBeenCalledWith(
      '@acpt/telemetry: OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT must be true or false; ignoring "yes", content capture stays off',
    );
  });
});
