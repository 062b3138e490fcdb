import api, { type LoggerProvider } from '@opentelemetry/api';

/** What holds the global logs API: `@opentelemetry/api` from 1.10 on; older versions have no `logs`. */
export interface LogsApiHolder {
  readonly logs?: { getLoggerProvider(): LoggerProvider };
}

/**
 * The global logger provider (`logs.getLoggerProvider()`, a proxy that picks up an SDK registered later), or
 * `undefined` with an `@opentelemetry/api` older than 1.10, which has no logs API. Read through the default export
 * rather than a named import, so the package still loads with API 1.9, whose modules have no `logs` export.
 */
export function globalLoggerProvider(holder: LogsApiHolder = api): LoggerProvider | undefined {
  return holder.logs?.getLoggerProvider();
}
