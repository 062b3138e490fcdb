import type { AttemptErrorEvent, AttemptStartEvent, EventError } from '@acpt/config';
import { type Attributes, type Span, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { ATTR, OPERATION_CHAT } from '../semconv/attributes.ts';
import type { RequestState } from './request-state.ts';

/**
 * Starts the child span of one attempt: a CLIENT `POST` span (Stable HTTP conventions, `http.request.resend_count`
 * from the second attempt on) for the live path, or an INTERNAL `chat {model}` span for the in-process mock.
 */
export function startAttemptSpan(tracer: Tracer, state: RequestState, event: AttemptStartEvent): Span {
  const attributes: Attributes = { [ATTR.providerName]: event.provider };
  if (event.batchId !== undefined) attributes[ATTR.batchId] = event.batchId;
  if (event.role === 'mock') {
    attributes[ATTR.operationName] = OPERATION_CHAT;
    attributes[ATTR.requestModel] = state.model;
    return tracer.startSpan(
      `${OPERATION_CHAT} ${state.model}`,
      { kind: SpanKind.INTERNAL, startTime: event.timestampMs, attributes },
      state.context,
    );
  }
  attributes[ATTR.httpRequestMethod] = 'POST';
  if (event.provider === state.provider && state.serverAddress !== undefined) {
    attributes[ATTR.serverAddress] = state.serverAddress;
    if (state.serverPort !== undefined) attributes[ATTR.serverPort] = state.serverPort;
  }
  if (event.attempt > 1) attributes[ATTR.httpResendCount] = event.attempt - 1;
  return tracer.startSpan('POST', { kind: SpanKind.CLIENT, startTime: event.timestampMs, attributes }, state.context);
}

/** Ends an attempt span as failed: `error.type`, the HTTP status and 429 kind when known, status ERROR. */
export function failAttemptSpan(span: Span, event: AttemptErrorEvent, captureMessages: boolean): void {
  const error = event.error;
  span.setAttribute(ATTR.errorType, error.type);
  if (error.status !== undefined) span.setAttribute(ATTR.httpStatusCode, error.status);
  if (error.code !== undefined) span.setAttribute(ATTR.errorCode, error.code);
  if (error.rateLimitKind !== undefined) span.setAttribute(ATTR.rateLimitKind, error.rateLimitKind);
  span.setStatus({ code: SpanStatusCode.ERROR, message: statusMessage(error, captureMessages) });
  span.end(event.timestampMs);
}

/**
 * The span status description of an error. Error messages may quote a server's answer, so the full message is used
 * only when content capture is opted in; otherwise the stable code (or `error.type`).
 */
export function statusMessage(error: EventError, captureMessages: boolean): string {
  return captureMessages ? error.message : (error.code ?? error.type);
}
