import type { RequestEndEvent } from '@acpt/config';
import { context, type Logger, type LoggerProvider, type LogRecord, trace } from '@opentelemetry/api';
import { ATTR, LOG_EVENT, OPERATION_CHAT, SCOPE_NAME } from '../semconv/attributes.ts';
import { VERSION } from '../version.ts';
import { statusMessage } from './attempt-spans.ts';
import { globalLoggerProvider, type LogsApiHolder } from './global-logger-provider.ts';
import type { RequestState } from './request-state.ts';

/** `SeverityNumber.WARN`, which the GenAI conventions ask of this event (a literal: API 1.9 has no such enum). */
export const SEVERITY_WARN = 13;

/** Options of {@link createExceptionEvents}. */
export interface ExceptionEventsOptions {
  /** `instrumentAdapter`'s `exceptionEvents`. */
  readonly enabled: boolean;
  /** Where the events go; `undefined` for the global logger provider. */
  readonly loggerProvider: LoggerProvider | undefined;
  /** Whether content capture is on: only then do events carry full error messages. */
  readonly captureMessages: boolean;
}

/**
 * The {@link ExceptionEvents} of an instrumentation, or `undefined` when turned off or without any logs API (an
 * `@opentelemetry/api` older than 1.10 and no `loggerProvider`).
 *
 * @param logsApi - where the global logger provider comes from (tests pass an API without logs)
 */
export function createExceptionEvents(
  options: ExceptionEventsOptions,
  logsApi?: LogsApiHolder,
): ExceptionEvents | undefined {
  if (!options.enabled) return undefined;
  const provider = options.loggerProvider ?? globalLoggerProvider(logsApi);
  return provider === undefined
    ? undefined
    : new ExceptionEvents(provider.getLogger(SCOPE_NAME, VERSION), options.captureMessages);
}

/**
 * Emits `gen_ai.client.operation.exception` (GenAI conventions v1.41) once per logical call that fails after its
 * retries and fallback, in the `chat` span's context so it carries the span's trace and span ids, sampled or not.
 * Retried attempt errors are not exceptions of the operation (their `POST` spans carry them), nor is a caller's
 * abort. Costs nothing on success, and nothing when the logger drops the event (`Logger.enabled`).
 */
export class ExceptionEvents {
  readonly #logger: Logger;
  readonly #captureMessages: boolean;

  /** @param captureMessages - full error messages (may quote the prompt) only when content capture is on */
  constructor(logger: Logger, captureMessages: boolean) {
    this.#logger = logger;
    this.#captureMessages = captureMessages;
  }

  /** Emits the event when `end` failed; `errorType` is the call's `error.type`. */
  requestEnd(end: RequestEndEvent, state: RequestState, errorType: string | undefined): void {
    if (end.outcome !== 'error') return;
    const eventContext = trace.setSpan(context.active(), state.span);
    const logger = this.#logger;
    const query = { context: eventContext, eventName: LOG_EVENT.operationException, severityNumber: SEVERITY_WARN };
    if (typeof logger.enabled === 'function' && !logger.enabled(query)) return;
    logger.emit(exceptionRecord(end, state, errorType ?? '_OTHER', this.#captureMessages, eventContext));
  }
}

function exceptionRecord(
  end: RequestEndEvent,
  state: RequestState,
  errorType: string,
  captureMessages: boolean,
  eventContext: LogRecord['context'],
): LogRecord {
  const error = end.error;
  const attributes: NonNullable<LogRecord['attributes']> = {
    [ATTR.operationName]: OPERATION_CHAT,
    [ATTR.providerName]: state.provider,
    [ATTR.requestModel]: state.model,
  };
  if (state.serverAddress !== undefined) {
    attributes[ATTR.serverAddress] = state.serverAddress;
    if (state.serverPort !== undefined) attributes[ATTR.serverPort] = state.serverPort;
  }
  attributes[ATTR.errorType] = errorType;
  attributes[ATTR.exceptionType] = error?.code ?? errorType;
  attributes[ATTR.exceptionMessage] = error === undefined ? errorType : statusMessage(error, captureMessages);
  if (error?.status !== undefined) attributes[ATTR.httpStatusCode] = error.status;
  if (error?.code !== undefined) attributes[ATTR.errorCode] = error.code;
  if (end.fallbackReason !== undefined) attributes[ATTR.fallbackReason] = end.fallbackReason;
  return {
    eventName: LOG_EVENT.operationException,
    timestamp: end.timestampMs,
    severityNumber: SEVERITY_WARN,
    severityText: 'WARN',
    attributes,
    context: eventContext,
  };
}
