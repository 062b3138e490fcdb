import type { RequestEndEvent, RequestStartEvent } from '@acpt/config';
import { type Context, context, diag, type Logger, type LoggerProvider, type Span, trace } from '@opentelemetry/api';
import { ATTR, LOG_EVENT, SCOPE_NAME } from '../semconv/attributes.ts';
import type { SemconvNames } from '../semconv/semconv.ts';
import { VERSION } from '../version.ts';
import { inputMessages, outputMessages, toolDefinitions } from './content-capture.ts';
import type { ContentCaptureMode } from './content-capture-mode.ts';
import { type CapturedContent, type ContentUploader, callContentUploader } from './content-uploader.ts';
import { globalLoggerProvider, type LogsApiHolder } from './global-logger-provider.ts';
import { operationDetailsRecord, SEVERITY_DEBUG } from './operation-details-event.ts';
import type { RequestState } from './request-state.ts';

/** Options of {@link createContentRecorder}. */
export interface ContentRecorderOptions {
  /** The resolved capture mode. */
  readonly mode: ContentCaptureMode;
  /** Naming mode (the event shares the span's request attributes). */
  readonly names: SemconvNames;
  /** Where the event goes in `event` mode; `undefined` for the global logger provider. */
  readonly loggerProvider: LoggerProvider | undefined;
  /** The upload hook, if any. */
  readonly uploader: ContentUploader | undefined;
}

/**
 * Builds the {@link ContentRecorder}, or `undefined` when there is nothing to record (`none` mode without an upload
 * hook, the default): the tracker then does no content work at all, not even keeping the request.
 *
 * @param logsApi - where the global logger provider comes from (tests pass an API without logs)
 */
export function createContentRecorder(
  options: ContentRecorderOptions,
  logsApi?: LogsApiHolder,
): ContentRecorder | undefined {
  let logger: Logger | undefined;
  if (options.mode === 'event') {
    const provider = options.loggerProvider ?? globalLoggerProvider(logsApi);
    if (provider === undefined) {
      diag.warn(
        '@acpt/telemetry: content capture "event" needs the logs API of @opentelemetry/api 1.10 or later, or the ' +
          'loggerProvider option; no content events will be emitted',
      );
    } else {
      logger = provider.getLogger(SCOPE_NAME, VERSION);
    }
  }
  const onSpan = options.mode === 'span';
  if (!onSpan && logger === undefined && options.uploader === undefined) return undefined;
  return new ContentRecorder({ onSpan, logger, uploader: options.uploader, names: options.names });
}

interface RecorderParts {
  /** `span` mode: JSON attributes on the span. */
  readonly onSpan: boolean;
  /** `event` mode's logger. */
  readonly logger: Logger | undefined;
  readonly uploader: ContentUploader | undefined;
  readonly names: SemconvNames;
}

/**
 * Records the content of each logical call once, when it settles: hands it to the upload hook (setting the reference
 * it returns as `acpt.content.ref`), then writes what the hook left as JSON attributes on the span (`span` mode) or as
 * the `gen_ai.client.inference.operation.details` log event in the span's context (`event` mode). Keeps each request
 * from `request-start` until `request-end`, keyed by request id.
 */
export class ContentRecorder {
  readonly #parts: RecorderParts;
  readonly #requests = new Map<string, RequestStartEvent>();

  constructor(parts: RecorderParts) {
    this.#parts = parts;
  }

  /** Keeps the request until it settles. */
  requestStart(event: RequestStartEvent): void {
    this.#requests.set(event.requestId, event);
  }

  /** Records the call's content; call before the span ends. Never throws: a failure is reported through `diag`. */
  requestEnd(end: RequestEndEvent, state: RequestState, errorType: string | undefined): void {
    const start = this.#requests.get(end.requestId);
    if (start === undefined) return;
    this.#requests.delete(end.requestId);
    try {
      this.#record(start, end, state, errorType);
    } catch (error) {
      diag.error(`@acpt/telemetry: content capture failed: ${String(error)}`);
    }
  }

  /** Forgets every request (on detach). */
  clear(): void {
    this.#requests.clear();
  }

  #record(start: RequestStartEvent, end: RequestEndEvent, state: RequestState, errorType: string | undefined): void {
    const { onSpan, logger, uploader, names } = this.#parts;
    const eventContext = logger === undefined ? undefined : enabledEventContext(logger, state.span);
    const spanContent = onSpan && state.recording;
    if (uploader === undefined && eventContext === undefined && !spanContent) return;
    const content = capturedContent(start, end, state, errorType);
    let reference: string | undefined;
    if (uploader !== undefined) {
      reference = callContentUploader(uploader, content, state.span);
      if (reference !== undefined && state.recording) state.span.setAttribute(ATTR.contentRef, reference);
    }
    if (spanContent) setSpanContent(state.span, content);
    if (logger !== undefined && eventContext !== undefined) {
      const details = { start, end, state, errorType, content, reference, names };
      logger.emit(operationDetailsRecord(details, eventContext));
    }
  }
}

function capturedContent(
  start: RequestStartEvent,
  end: RequestEndEvent,
  state: RequestState,
  errorType: string | undefined,
): CapturedContent {
  const ids = state.span.spanContext();
  return {
    requestId: start.requestId,
    traceId: ids.traceId,
    spanId: ids.spanId,
    sampled: state.recording,
    provider: start.provider,
    model: start.model,
    errorType,
    inputMessages: inputMessages(start.request),
    outputMessages: end.response === undefined ? undefined : outputMessages(end.response),
    toolDefinitions: toolDefinitions(start.request),
  };
}

/** `span` mode: the content as JSON strings (spans take no structured attributes), as before the event existed. */
function setSpanContent(span: Span, content: CapturedContent): void {
  span.setAttribute(ATTR.inputMessages, JSON.stringify(content.inputMessages));
  if (content.toolDefinitions !== undefined) {
    span.setAttribute(ATTR.toolDefinitions, JSON.stringify(content.toolDefinitions));
  }
  if (content.outputMessages !== undefined) {
    span.setAttribute(ATTR.outputMessages, JSON.stringify(content.outputMessages));
  }
}

/**
 * The logical span's context, which the event is emitted in (so it carries the span's trace and span ids), or
 * `undefined` when the logger would drop the event (`Logger.enabled`: a provider without processors, say), so nothing
 * is built for it. Loggers of older APIs have no `enabled`.
 */
function enabledEventContext(logger: Logger, span: Span): Context | undefined {
  const eventContext = trace.setSpan(context.active(), span);
  if (typeof logger.enabled !== 'function') return eventContext;
  const query = {
    context: eventContext,
    eventName: LOG_EVENT.inferenceOperationDetails,
    severityNumber: SEVERITY_DEBUG,
  };
  return logger.enabled(query) ? eventContext : undefined;
}
