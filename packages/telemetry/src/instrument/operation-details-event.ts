import type { RequestEndEvent, RequestStartEvent } from '@acpt/config';
import type { Attributes, Context, LogRecord, SpanAttributeValue } from '@opentelemetry/api';
import { ATTR, LOG_EVENT, OPERATION_CHAT } from '../semconv/attributes.ts';
import type { SemconvNames } from '../semconv/semconv.ts';
import type { CapturedContent } from './content-uploader.ts';
import type { RequestState } from './request-state.ts';
import { type AttributeSink, setRequestParameters, setResponseAttributes, setUsage } from './span-attributes.ts';

/** `SeverityNumber.DEBUG`, which the GenAI conventions advise for this event (a literal: API 1.9 has no such enum). */
export const SEVERITY_DEBUG = 5;

/** An attribute record built with the same setters as a span's. */
class AttributeRecord implements AttributeSink {
  readonly attributes: Attributes = {};

  setAttribute(key: string, value: SpanAttributeValue): void {
    this.attributes[key] = value;
  }
}

/** What {@link operationDetailsRecord} describes: one settled logical call. */
export interface OperationDetails {
  /** The call's `request-start` (the request and its parameters). */
  readonly start: RequestStartEvent;
  /** Its `request-end` (response, usage, end time). */
  readonly end: RequestEndEvent;
  /** What the tracker kept (provider, model, server, stream). */
  readonly state: RequestState;
  /** `error.type` when it failed. */
  readonly errorType: string | undefined;
  /** The content, as the upload hook left it. */
  readonly content: CapturedContent;
  /** The upload hook's reference, if any. */
  readonly reference: string | undefined;
  /** Naming mode (the reasoning-level attribute). */
  readonly names: SemconvNames;
}

/**
 * The log record of the opt-in event `gen_ai.client.inference.operation.details` for one settled call: the span's
 * GenAI attributes (operation, provider, model, `server.*`, request parameters, time to first chunk, response, usage,
 * `error.type`) plus
 * the content in structured form (`gen_ai.input.messages` with the system messages where they sit in the conversation,
 * as the conventions ask of chat-history APIs rather than `gen_ai.system_instructions`, `gen_ai.output.messages` unless it failed, `gen_ai.tool.definitions` when tools were
 * offered), and `acpt.content.ref` when the upload hook gave one. No body. Emitted in `context`, the logical span's,
 * so the record carries its trace and span ids.
 */
export function operationDetailsRecord(details: OperationDetails, context: Context): LogRecord {
  const { start, end, state, content } = details;
  const record = new AttributeRecord();
  record.setAttribute(ATTR.operationName, OPERATION_CHAT);
  record.setAttribute(ATTR.providerName, state.provider);
  record.setAttribute(ATTR.requestModel, state.model);
  if (state.serverAddress !== undefined) {
    record.setAttribute(ATTR.serverAddress, state.serverAddress);
    if (state.serverPort !== undefined) record.setAttribute(ATTR.serverPort, state.serverPort);
  }
  if (state.stream) record.setAttribute(ATTR.requestStream, true);
  if (state.timeToFirstChunk !== undefined) record.setAttribute(ATTR.responseTimeToFirstChunk, state.timeToFirstChunk);
  setRequestParameters(record, start.request, details.names);
  if (end.response !== undefined) setResponseAttributes(record, end.response);
  setUsage(record, end.usage ?? end.response?.usage);
  if (details.errorType !== undefined) record.setAttribute(ATTR.errorType, details.errorType);
  if (details.reference !== undefined) record.setAttribute(ATTR.contentRef, details.reference);
  const attributes = record.attributes;
  attributes[ATTR.inputMessages] = content.inputMessages;
  if (content.outputMessages !== undefined) attributes[ATTR.outputMessages] = content.outputMessages;
  if (content.toolDefinitions !== undefined) attributes[ATTR.toolDefinitions] = content.toolDefinitions;
  return {
    eventName: LOG_EVENT.inferenceOperationDetails,
    timestamp: end.timestampMs,
    severityNumber: SEVERITY_DEBUG,
    attributes,
    context,
  };
}
