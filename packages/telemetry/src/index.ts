// First: @acpt/config refuses an unsupported Node.js with one line before this package's own imports load.
import '@acpt/config';

export { ALERT_NAMES, type AlertName, type AlertSeverity } from './alerting/alert-names.ts';
export type { AlertRuleOptions, WatchAdapterAlertsOptions } from './alerting/alert-options.ts';
export type { AlertTimer } from './alerting/alert-timer.ts';
export type {
  AlertEvent,
  AlertListener,
  AlertSnapshot,
  AlertStatus,
  AlertWindowCounts,
} from './alerting/alert-types.ts';
export { type AdapterAlertWatch, watchAdapterAlerts } from './alerting/watch-adapter-alerts.ts';
export type {
  InputMessage,
  MessagePart,
  OutputMessage,
  ToolDefinitionContent,
} from './instrument/content-capture.ts';
export type { ContentCaptureMode } from './instrument/content-capture-mode.ts';
export type { CapturedContent, ContentUploader } from './instrument/content-uploader.ts';
export type { AdapterInstrumentation } from './instrument/instrument-adapter.ts';
export { instrumentAdapter } from './instrument/instrument-adapter.ts';
export type { InstrumentAdapterOptions } from './instrument/instrumentation-settings.ts';
export { ACPT_METRIC, ATTR, LOG_EVENT, MOCK_PROVIDER, SCOPE_NAME } from './semconv/attributes.ts';
export {
  DURATION_BUCKETS_SECONDS,
  SEMCONV_LATEST,
  SEMCONV_LATEST_OPT_IN,
  SEMCONV_V1_41,
  type SemconvMode,
  type SemconvNames,
  selectSemconvNames,
  TOKEN_BUCKETS,
  type TokenCounterNames,
} from './semconv/semconv.ts';
export { VERSION } from './version.ts';
