import type { ChatRequest, ChatResponse, RequestEndEvent, RequestStartEvent, Usage } from '@acpt/config';
import type { Span, SpanAttributeValue } from '@opentelemetry/api';
import { ATTR } from '../semconv/attributes.ts';
import type { SemconvNames } from '../semconv/semconv.ts';
import type { InstrumentationSettings } from './instrumentation-settings.ts';

// These write straight to the span, one `setAttribute` per key and in the order an object would have held them:
// building an object first only to hand it to `setAttributes` costs an allocation and a key walk per request, and the
// SDK validates each key once either way. Only called for a recording span (or, for the parts the content event
// shares, an `AttributeRecord`).

/** What attributes are set on one by one: a span, or the content event's `AttributeRecord` being built. */
export interface AttributeSink {
  setAttribute(key: string, value: SpanAttributeValue): unknown;
}

/**
 * Sets the attributes of the logical `chat {model}` span besides the sampling-relevant ones it is created with
 * (operation, provider, model, `server.*`): the caller's own attributes, the request parameters and the budget. Ours
 * win over a caller attribute of the same name. Content, when opted in, is the `ContentRecorder`'s.
 */
export function setRequestDetailAttributes(
  span: Span,
  event: RequestStartEvent,
  settings: InstrumentationSettings,
): void {
  if (event.attributes !== undefined) span.setAttributes(event.attributes);
  if (event.stream) span.setAttribute(ATTR.requestStream, true);
  span.setAttribute(ATTR.budgetMs, event.budgetMs);
  span.setAttribute(ATTR.budgetMode, event.budgetMode);
  setRequestParameters(span, event.request, settings.names);
}

/** Sets the request parameters (`gen_ai.request.*`, `gen_ai.output.type`) that the request has. */
export function setRequestParameters(span: AttributeSink, request: ChatRequest, names: SemconvNames): void {
  if (request.seed !== undefined) span.setAttribute(ATTR.requestSeed, request.seed);
  if (request.maxCompletionTokens !== undefined) span.setAttribute(ATTR.requestMaxTokens, request.maxCompletionTokens);
  if (request.temperature !== undefined) span.setAttribute(ATTR.requestTemperature, request.temperature);
  if (request.topP !== undefined) span.setAttribute(ATTR.requestTopP, request.topP);
  if (request.stop !== undefined) {
    span.setAttribute(ATTR.requestStopSequences, typeof request.stop === 'string' ? [request.stop] : [...request.stop]);
  }
  if (request.responseFormat !== undefined) {
    span.setAttribute(ATTR.outputType, request.responseFormat.type === 'text' ? 'text' : 'json');
  }
  const reasoningLevel = names.reasoningLevelAttribute;
  if (reasoningLevel !== undefined && request.reasoningEffort !== undefined) {
    span.setAttribute(reasoningLevel, request.reasoningEffort);
  }
}

/**
 * Sets the logical span's attributes at `request-end`: attempts, outcome, the response (id, model, finish reasons,
 * Cerebras `time_info`), usage summed over billed attempts and `error.type`.
 *
 * @param errorType - the request's `error.type` (`endErrorType`), computed once by the caller
 */
export function setRequestEndAttributes(
  span: Span,
  event: RequestEndEvent,
  options: { readonly stream: boolean; readonly errorType: string | undefined },
): void {
  span.setAttribute(ATTR.retryAttempts, event.attempts);
  span.setAttribute(ATTR.outcome, event.outcome);
  const response = event.response;
  if (response !== undefined) {
    setResponseAttributes(span, response);
    const time = response.timeInfo;
    if (time !== undefined) {
      if (time.queueTime !== undefined) span.setAttribute(ATTR.timeQueue, time.queueTime);
      if (time.promptTime !== undefined) span.setAttribute(ATTR.timePrompt, time.promptTime);
      if (time.completionTime !== undefined) span.setAttribute(ATTR.timeCompletion, time.completionTime);
      if (time.totalTime !== undefined) span.setAttribute(ATTR.timeTotal, time.totalTime);
    }
  } else if (options.stream && event.outcome === 'error') {
    span.setAttribute(ATTR.responseFinishReasons, ['error']);
  }
  setUsage(span, event.usage ?? response?.usage);
  if (event.budgetExceeded) span.setAttribute(ATTR.budgetExceeded, true);
  if (event.fallbackReason !== undefined) {
    span.setAttribute(ATTR.fallback, true);
    span.setAttribute(ATTR.fallbackReason, event.fallbackReason);
  }
  if (options.errorType !== undefined) span.setAttribute(ATTR.errorType, options.errorType);
  if (event.error?.code !== undefined) span.setAttribute(ATTR.errorCode, event.error.code);
}

/** Sets `gen_ai.response.id`, `gen_ai.response.model` and `gen_ai.response.finish_reasons`. */
export function setResponseAttributes(span: AttributeSink, response: ChatResponse): void {
  span.setAttribute(ATTR.responseId, response.id);
  span.setAttribute(ATTR.responseModel, response.model);
  span.setAttribute(ATTR.responseFinishReasons, [response.finishReason]);
}

/** Sets the token counts of `usage`, when there is one. */
export function setUsage(span: AttributeSink, usage: Usage | undefined): void {
  if (usage === undefined) return;
  span.setAttribute(ATTR.usageInputTokens, usage.promptTokens);
  span.setAttribute(ATTR.usageOutputTokens, usage.completionTokens);
  if (usage.reasoningTokens !== undefined) span.setAttribute(ATTR.usageReasoningOutputTokens, usage.reasoningTokens);
  if (usage.cachedTokens !== undefined) span.setAttribute(ATTR.usageCacheReadInputTokens, usage.cachedTokens);
}
