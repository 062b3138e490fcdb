export {
  type MetricReaderSelections,
  PreaggregatedMetrics,
} from '../preaggregation/preaggregated-metrics.ts';
export {
  type StartTelemetryOptions,
  startTelemetry,
  type Telemetry,
  type TelemetryShutdownOutcome,
} from './start-telemetry.ts';
export { type Environment, planTelemetry, type TelemetryPlan } from './telemetry-plan.ts';
export type { DeadlineOutcome } from './with-deadline.ts';
