import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { risShape } from '../scenario/ris-shape.ts';
import { loadDemoConfig } from './demo-config.ts';
import { parseCliArgs } from './parse-args.ts';
import { telemetryEnvironmentDefaults } from './telemetry-setup.ts';

const load = (argv: string[], env: Record<string, string> = {}, cwd = '/') =>
  loadDemoConfig({ cli: parseCliArgs(argv, cwd), agentCount: 3, env, cwd });

describe('loadDemoConfig', () => {
  it('runs mock mode with a micro-batch as large as one step’s agent requests', () => {
    const config = load([]);
    expect(config).toMatchObject({ mockMode: true, fallback: 'mock', model: 'gpt-oss-120b' });
    expect(config.batching.batchSize).toBe(3);
  });

  it('maps the failure policy onto the adapter fallback and takes the command line over the config file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ris-config-'));
    writeFileSync(join(folder, 'acpt.json'), JSON.stringify({ batching: { batchSize: 6 }, model: 'qwen-3.8-27b' }));
    const fromFile = load(['--config', 'acpt.json', '--on-llm-failure', 'skip'], {}, folder);
    expect(fromFile).toMatchObject({ fallback: 'throw', model: 'qwen-3.8-27b', batching: { batchSize: 6 } });
    const overridden = load(['--config', 'acpt.json', '--batch-size', '2', '--model', 'gpt-oss-120b'], {}, folder);
    expect(overridden).toMatchObject({ model: 'gpt-oss-120b', batching: { batchSize: 2 } });
  });

  it('needs an API key for live mode and takes the endpoint from --base-url', () => {
    expect(() => load(['--mode', 'live'])).toThrow(/apiKey/);
    const live = load(['--mode', 'live', '--base-url', 'http://127.0.0.1:8080'], { CEREBRAS_API_KEY: 'csk-x' });
    expect(live).toMatchObject({ mockMode: false, baseUrl: 'http://127.0.0.1:8080' });
  });
});

describe('CLI helpers', () => {
  it('shapes the RIS panel near-square with exactly the asked element count', () => {
    expect(risShape(256)).toEqual({ rows: 16, columns: 16 });
    expect(risShape(1024)).toEqual({ rows: 32, columns: 32 });
    expect(risShape(128)).toEqual({ rows: 8, columns: 16 });
    expect(risShape(7)).toEqual({ rows: 1, columns: 7 });
  });

  it('gives each telemetry mode its OTEL defaults (Prometheus on loopback only)', () => {
    expect(telemetryEnvironmentDefaults('off')).toEqual({});
    expect(telemetryEnvironmentDefaults('otlp')).toEqual({
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_METRICS_EXPORTER: 'otlp',
    });
    expect(telemetryEnvironmentDefaults('prometheus')).toMatchObject({
      OTEL_METRICS_EXPORTER: 'prometheus',
      OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1',
    });
  });
});
