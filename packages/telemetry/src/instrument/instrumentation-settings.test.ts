import { describe, expect, it } from 'vitest';
import { SEMCONV_LATEST, SEMCONV_V1_41 } from '../semconv/semconv.ts';
import { resolveInstrumentationSettings } from './instrumentation-settings.ts';

describe('resolveInstrumentationSettings', () => {
  it('captures nothing, copies no caller attribute onto the cost metric and uses v1.41.0 names by default', () => {
    expect(resolveInstrumentationSettings({ env: {} })).toEqual({
      names: SEMCONV_V1_41,
      captureContent: 'none',
      legacySystemAttribute: false,
      attemptSpans: 'retries',
      costAttributes: { names: [], maxValues: 50 },
    });
  });

  it('refuses bad cost attribute options, naming each', () => {
    expect(() =>
      resolveInstrumentationSettings({ env: {}, costAttributes: ['agent', 'bad name'], maxCostAttributeValues: 0 }),
    ).toThrow(/costAttributes.*"bad name"[\s\S]*maxCostAttributeValues.*received 0/);
  });

  it('reads the opt-ins from the environment', () => {
    const settings = resolveInstrumentationSettings({
      env: {
        OTEL_SEMCONV_STABILITY_OPT_IN: 'gen_ai_latest_experimental',
        ACPT_TELEMETRY_CAPTURE_CONTENT: 'span',
        ACPT_SEMCONV_LEGACY_SYSTEM: '1',
      },
    });
    expect(settings).toMatchObject({ names: SEMCONV_LATEST, captureContent: 'span', legacySystemAttribute: true });
  });

  it('honours OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT, with ACPT_TELEMETRY_CAPTURE_CONTENT first', () => {
    const otel = { OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'true' };
    expect(resolveInstrumentationSettings({ env: otel }).captureContent).toBe('span');
    const both = { ...otel, ACPT_TELEMETRY_CAPTURE_CONTENT: 'none' };
    expect(resolveInstrumentationSettings({ env: both }).captureContent).toBe('none');
    expect(resolveInstrumentationSettings({ env: { ACPT_TELEMETRY_CAPTURE_CONTENT: 'event' } }).captureContent).toBe(
      'event',
    );
  });

  it('lets explicit options win over the environment', () => {
    const env = { OTEL_SEMCONV_STABILITY_OPT_IN: 'gen_ai_latest_experimental', ACPT_TELEMETRY_CAPTURE_CONTENT: 'span' };
    const settings = resolveInstrumentationSettings({
      env,
      semconv: 'v1.41.0',
      captureContent: false,
      attemptSpans: false,
    });
    expect(settings).toMatchObject({ names: SEMCONV_V1_41, captureContent: 'none', attemptSpans: 'none' });
  });

  it('takes the attempt span modes, and the older booleans as all and none', () => {
    for (const mode of ['all', 'retries', 'none'] as const) {
      expect(resolveInstrumentationSettings({ env: {}, attemptSpans: mode }).attemptSpans).toBe(mode);
    }
    expect(resolveInstrumentationSettings({ env: {}, attemptSpans: true }).attemptSpans).toBe('all');
    expect(resolveInstrumentationSettings({ env: {}, attemptSpans: false }).attemptSpans).toBe('none');
  });

  it('refuses an unknown attemptSpans, naming the option and the modes', () => {
    const bad = { env: {}, attemptSpans: 'first' } as unknown as Parameters<typeof resolveInstrumentationSettings>[0];
    expect(() => resolveInstrumentationSettings(bad)).toThrow(
      /attemptSpans must be one of 'all', 'retries', 'none' \(received "first"\)/,
    );
  });
});
