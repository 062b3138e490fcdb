import { describe, expect, it } from 'vitest';
import { issueAt, issuesOf } from '../loading/__fixtures__/expect-config-issues.ts';
import { useTempDir } from '../loading/__fixtures__/temp-dir.ts';
import { loadConfig } from '../loading/load-config.ts';
import { parseConfig } from '../loading/parse-config.ts';
import { configSourceOf } from '../loading/provenance.ts';
import { CONFIG_PRESET_NAMES, CONFIG_PRESETS } from './config-presets.ts';
import { DEFAULT_CONFIG } from './default-config.ts';

describe('configuration presets', () => {
  const temp = useTempDir();

  it.each(CONFIG_PRESET_NAMES)('%s is a valid configuration on its own, deep-frozen', (name) => {
    expect(() => parseConfig(CONFIG_PRESETS[name])).not.toThrow();
    expect(Object.isFrozen(CONFIG_PRESETS[name].retry)).toBe(true);
  });

  it('interactive makes the 2 s budget the deadline; batch waits out quota windows', () => {
    const interactive = loadConfig({ env: {}, preset: 'interactive' });
    expect(interactive.latencyBudget).toEqual({ ms: 2_000, mode: 'hard' });
    expect(interactive.timeouts.totalMs).toBe(2_000);
    expect(interactive.retry).toMatchObject({ maxRetries: 1, maxServerWaitMs: 2_000 });
    expect(interactive.batching).toMatchObject({ batchSize: 1, maxWaitMs: 0 });
    const batch = loadConfig({ env: { ACPT_PRESET: 'batch' } });
    expect(batch.latencyBudget).toEqual({ ms: 60_000, mode: 'soft' });
    expect(batch.retry).toMatchObject({ maxRetries: 5, maxServerWaitMs: 60_000 });
    expect(batch.batching).toMatchObject({ maxInFlight: 256, queueLimit: 100_000 });
    expect(batch.connection.connections).toBe(256);
    // What a preset leaves alone keeps its default.
    expect(batch.model).toBe(DEFAULT_CONFIG.model);
    expect(batch.timeouts.connectMs).toBe(DEFAULT_CONFIG.timeouts.connectMs);
  });

  it('sits below the file, the environment and overrides, and provenance names it', () => {
    const file = temp.write('acpt.json', JSON.stringify({ retry: { maxRetries: 3 } }));
    const config = loadConfig({
      file,
      env: { ACPT_PRESET: 'interactive', ACPT_LATENCY_BUDGET_MS: '1500' },
      overrides: { batching: { batchSize: 4 } },
    });
    expect(config.retry.maxRetries).toBe(3);
    expect(config.latencyBudget).toEqual({ ms: 1_500, mode: 'hard' });
    expect(config.batching.batchSize).toBe(4);
    expect(configSourceOf(config, 'latencyBudget.mode')).toEqual({ kind: 'preset', name: 'interactive' });
    expect(configSourceOf(config, 'retry.maxRetries')).toEqual({ kind: 'file', path: file });
  });

  it('the option wins over ACPT_PRESET', () => {
    expect(loadConfig({ env: { ACPT_PRESET: 'batch' }, preset: 'interactive' }).latencyBudget.mode).toBe('hard');
  });

  it('an unknown preset is an issue naming the valid ones, with the other problems at once', () => {
    const issues = issuesOf(() => loadConfig({ env: { ACPT_PRESET: 'fast', ACPT_MAX_RETRIES: '-1' } }));
    expect(issueAt(issues, 'preset')).toMatchObject({
      expected: 'one of interactive, batch',
      received: '"fast"',
      source: { kind: 'env', name: 'ACPT_PRESET' },
    });
    issueAt(issues, 'retry.maxRetries');
  });
});
