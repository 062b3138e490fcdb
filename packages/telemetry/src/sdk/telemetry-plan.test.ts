import { describe, expect, it } from 'vitest';
import { planTelemetry } from './telemetry-plan.ts';

describe('planTelemetry', () => {
  it('exports nothing when nothing is configured (a bare NodeSDK would send OTLP to localhost:4318)', () => {
    expect(planTelemetry({})).toEqual({ disabled: false, traces: false, metrics: false, logs: false });
  });

  it('exports every signal to a shared OTLP endpoint', () => {
    expect(planTelemetry({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({
      disabled: false,
      traces: true,
      metrics: true,
      logs: true,
    });
  });

  it('exports one signal for its own endpoint or exporter variable', () => {
    expect(planTelemetry({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo:4318/v1/traces' })).toMatchObject({
      traces: true,
      metrics: false,
    });
    expect(planTelemetry({ OTEL_METRICS_EXPORTER: 'prometheus' })).toMatchObject({ traces: false, metrics: true });
    expect(planTelemetry({ OTEL_TRACES_EXPORTER: 'console,otlp' })).toMatchObject({ traces: true, logs: false });
  });

  it('honours none, also over a shared endpoint', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_LOGS_EXPORTER: 'none' };
    expect(planTelemetry(env)).toMatchObject({ traces: true, metrics: true, logs: false });
  });

  it('OTEL_SDK_DISABLED=true wins over everything', () => {
    const env = { OTEL_SDK_DISABLED: ' TRUE ', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(planTelemetry(env)).toEqual({ disabled: true, traces: false, metrics: false, logs: false });
    expect(planTelemetry({ OTEL_SDK_DISABLED: 'false', OTEL_METRICS_EXPORTER: 'otlp' }).metrics).toBe(true);
  });
});
