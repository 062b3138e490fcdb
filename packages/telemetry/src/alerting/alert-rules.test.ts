import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALERT_NAMES } from './alert-names.ts';
import { ALERT_RULES, PROMETHEUS_MIN_CALLS_PER_SECOND, PROMETHEUS_WINDOW_MS } from './alert-rules.ts';

const rulesFile = readFileSync(fileURLToPath(new URL('../../ops/prometheus/alert-rules.yml', import.meta.url)), 'utf8');
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** One alert of the Prometheus file: its expression, `for` and severity. */
function prometheusRule(name: string): { expr: string; forMs: number; severity: string } {
  const start = rulesFile.indexOf(`- alert: ${name}\n`);
  expect(start, name).toBeGreaterThanOrEqual(0);
  const next = rulesFile.indexOf('- alert: ', start + 1);
  const block = rulesFile.slice(start, next < 0 ? undefined : next);
  const expr = /expr: >?\s*([\s\S]*?)\n\s+for: /.exec(block)?.[1] ?? '';
  const [, amount = '0', unit = 's'] = /\n\s+for: (\d+)([smh])\n/.exec(block) ?? [];
  return { expr, forMs: Number(amount) * (UNIT_MS[unit] ?? 0), severity: /severity: (\w+)/.exec(block)?.[1] ?? '' };
}

describe('ALERT_RULES', () => {
  it('lists every alert once, in ALERT_NAMES order', () => {
    expect(ALERT_RULES.map((rule) => rule.name)).toEqual([...ALERT_NAMES]);
  });

  it.each(ALERT_RULES.map((rule) => [rule.name, rule] as const))(
    '%s has the threshold, for, severity and traffic minimum of ops/prometheus/alert-rules.yml',
    (name, rule) => {
      const prometheus = prometheusRule(name);
      expect(prometheus.expr).toMatch(/\[5m\]|:5m|:rate5m|acpt_llm_circuit_state/);
      const threshold = Number(/> (\d+(?:\.\d+)?)/.exec(prometheus.expr)?.[1]);
      expect(rule.threshold).toBe(threshold);
      expect(rule.forMs).toBe(prometheus.forMs);
      expect(rule.severity).toBe(prometheus.severity);
      const minimum = /and acpt:llm_calls:rate5m > (\d+(?:\.\d+)?)/.exec(prometheus.expr)?.[1];
      expect(rule.minTraffic !== undefined, 'traffic minimum').toBe(minimum !== undefined);
      if (minimum !== undefined) expect(Number(minimum)).toBe(PROMETHEUS_MIN_CALLS_PER_SECOND);
    },
  );

  it('uses the rules’ five-minute window by default', () => {
    expect(PROMETHEUS_WINDOW_MS).toBe(5 * 60_000);
  });
});
