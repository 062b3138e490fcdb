import type { Attributes, MeterProvider } from '@opentelemetry/api';
import { ACPT_METRIC, SCOPE_NAME } from '../semconv/attributes.ts';
import { VERSION } from '../version.ts';
import { ALERT_NAMES, type AlertName } from './alert-names.ts';

/** The attribute of `acpt.llm.alerts` that names the alert (its only attribute). */
export const ALERT_ATTRIBUTE = 'alert';

/** Counts alert firings into `acpt.llm.alerts{alert}`. */
export type AlertCounter = (alert: AlertName) => void;

/** Creates the `acpt.llm.alerts` counter (unit `{alert}`) on the provider's `@acpt/telemetry` meter. */
export function createAlertCounter(meterProvider: MeterProvider): AlertCounter {
  const counter = meterProvider.getMeter(SCOPE_NAME, VERSION).createCounter(ACPT_METRIC.alerts, {
    description: 'In-process alert firings, by alert name.',
    unit: '{alert}',
  });
  const attributes = new Map<AlertName, Attributes>(
    ALERT_NAMES.map((name) => [name, Object.freeze({ [ALERT_ATTRIBUTE]: name })]),
  );
  return (alert) => counter.add(1, attributes.get(alert));
}
