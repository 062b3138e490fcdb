/**
 * The alerts `watchAdapterAlerts` evaluates, in evaluation order. Each mirrors the Prometheus alert of the same name in
 * `ops/prometheus/alert-rules.yml` (whose meaning and response are in `ops/runbook.md`).
 */
export const ALERT_NAMES = [
  'LLMLatencyBudgetBreach',
  'LLMRetrySpike',
  'LLMErrorRateHigh',
  'LLMRateLimited',
  'LLMTTFTSlow',
  'LLMFallbackActive',
  'LLMCircuitOpen',
] as const;

/** The name of one in-process alert (the `alert` attribute of `acpt.llm.alerts`). */
export type AlertName = (typeof ALERT_NAMES)[number];

/** How urgent an alert is, as the Prometheus rule's `severity` label says. */
export type AlertSeverity = 'warning' | 'critical';

/** True when `name` is one of {@link ALERT_NAMES}. */
export function isAlertName(name: string): name is AlertName {
  return (ALERT_NAMES as readonly string[]).includes(name);
}
