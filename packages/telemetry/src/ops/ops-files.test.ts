import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACPT_METRIC } from '../semconv/attributes.ts';

const OPS = fileURLToPath(new URL('../../ops/', import.meta.url));
const PROMETHEUS = `${OPS}prometheus/`;
const RULE_FILES = ['recording-rules.yml', 'recording-rules-latest.yml', 'alert-rules.yml'];
const TEST_FILES = readdirSync(`${PROMETHEUS}tests`)
  .filter((file) => file.endsWith('.test.yml'))
  .map((file) => `tests/${file}`);

function promtool(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync('promtool', args, { cwd: PROMETHEUS, encoding: 'utf8' });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const alertNames = [...readFileSync(`${PROMETHEUS}alert-rules.yml`, 'utf8').matchAll(/^\s+- alert: (\w+)$/gm)].map(
  (match) => match[1] as string,
);

describe('ops/prometheus', () => {
  it('passes promtool check rules', () => {
    const { status, output } = promtool('check', 'rules', ...RULE_FILES);
    expect(output).not.toContain('FAILED');
    expect(status).toBe(0);
  });

  it('passes promtool test rules', () => {
    expect(TEST_FILES.length).toBeGreaterThanOrEqual(3);
    const { status, output } = promtool('test', 'rules', ...TEST_FILES);
    expect(output).not.toContain('FAILED');
    expect(status).toBe(0);
  });

  it('has the alerts the issue asks for, each with a firing unit test and a runbook section', () => {
    expect(alertNames).toEqual(
      expect.arrayContaining([
        'LLMLatencyBudgetBreach',
        'LLMRetrySpike',
        'LLMErrorRateHigh',
        'LLMRateLimited',
        'LLMTTFTSlow',
        'LLMFallbackActive',
        'LLMTelemetryAbsent',
        'LLMSpendBurnRateHigh',
        'LLMSpendLimitApproaching',
        'LLMSpendLimitReached',
      ]),
    );
    const tests = readFileSync(`${PROMETHEUS}tests/alert-rules.test.yml`, 'utf8');
    const runbook = readFileSync(`${OPS}runbook.md`, 'utf8');
    for (const name of alertNames) {
      expect(tests).toMatch(new RegExp(`alertname: ${name}\\n\\s+exp_alerts:\\n\\s+- exp_labels`));
      expect(runbook).toContain(`\n## ${name}\n`);
    }
  });

  it('uses only series @acpt/telemetry exports or the recording rules define', () => {
    const recorded = new Set(
      [...readFileSync(`${PROMETHEUS}recording-rules.yml`, 'utf8').matchAll(/record: (\S+)/g)].map((m) => m[1]),
    );
    const own = new Set(Object.values(ACPT_METRIC).map((name) => name.replaceAll('.', '_')));
    const alerts = readFileSync(`${PROMETHEUS}alert-rules.yml`, 'utf8');
    for (const [name] of alerts.matchAll(/\b(acpt:[a-z0-9_:]+|acpt_llm_[a-z_]+)/g)) {
      const base = name.replace(/_total$/, '');
      expect(recorded.has(name) || own.has(base), name).toBe(true);
    }
  });
});

describe('ops/grafana dashboard', () => {
  const dashboard = JSON.parse(readFileSync(`${OPS}grafana/acpt-llm-dashboard.json`, 'utf8')) as {
    uid: string;
    panels: { id: number; title: string; targets: { expr: string; refId: string }[] }[];
  };

  it('has the panels the issue asks for', () => {
    const titles = dashboard.panels.map((panel) => panel.title.toLowerCase()).join('\n');
    for (const topic of ['calls per second', 'p50 / p95 / p99', 'budget', 'first chunk', 'tokens per second']) {
      expect(titles).toContain(topic);
    }
    for (const topic of ['errors by type', 'retries', 'fallbacks', '429']) expect(titles).toContain(topic);
    for (const topic of ['cost per hour', 'cost per request', 'cost per simulated scenario', 'spend against']) {
      expect(titles).toContain(topic);
    }
  });

  it('gives every panel a unique id and every query a ref id', () => {
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      expect(panel.targets.length).toBeGreaterThan(0);
      for (const target of panel.targets) expect(target.refId).toMatch(/^[A-Z]$/);
    }
  });
});
