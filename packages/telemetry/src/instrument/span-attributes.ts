import type { ChatRequest, RequestEndEvent, RequestStartEvent, Usage } from '@acpt/config';
import type { Attributes } from '@opentelemetry/api';
import { ATTR } from '../semconv/attributes.ts';
import { inputMessagesJson, outputMessagesJson, toolDefinitionsJson } from './content-capture.ts';
import { endErrorType } from './end-error-type.ts';
import type { InstrumentationSettings } from './instrumentation-settings.ts';

/**
 * Attributes of the logical `chat {model}` span besides the sampling-relevant ones it is created with (operation,
 * provider, model, `server.*`): the request parameters, the budget, the caller's own attributes, and content when
 * opted in. Only computed for a recording span.
 */
export function requestDetailAttributes(event: RequestStartEvent, settings: InstrumentationSettings): Attributes {
  const attributes: Attributes = { ...event.attributes };
  if (event.stream) attributes[ATTR.requestStream] = true;
  attributes[ATTR.budgetMs] = event.budgetMs;
  attributes[ATTR.budgetMode] = event.budgetMode;
  addRequestParameters(attributes, event.request, settings);
  if (settings.captureContent) {
    attributes[ATTR.inputMessages] = inputMessagesJson(event.request);
    const tools = toolDefinitionsJson(event.request);
    if (tools !== undefined) attributes[ATTR.toolDefinitions] = tools;
  }
  return attributes;
}

function addRequestParameters(attributes: Attributes, request: ChatRequest, settings: InstrumentationSettings): void {
  if (request.seed !== undefined) attributes[ATTR.requestSeed] = request.seed;
  if (request.maxCompletionTokens !== undefined) attributes[ATTR.requestMaxTokens] = request.maxCompletionTokens;
  if (request.temperature !== undefined) attributes[ATTR.requestTemperature] = request.temperature;
  if (request.topP !== undefined) attributes[ATTR.requestTopP] = request.topP;
  if (request.stop !== undefined) {
    attributes[ATTR.requestStopSequences] = typeof request.stop === 'string' ? [request.stop] : [...request.stop];
  }
  if (request.responseFormat !== undefined) {
    attributes[ATTR.outputType] = request.responseFormat.type === 'text' ? 'text' : 'json';
  }
  const reasoningLevel = settings.names.reasoningLevelAttribute;
  if (reasoningLevel !== undefined && request.reasoningEffort !== undefined) {
    attributes[reasoningLevel] = request.reasoningEffort;
  }
}

/**
 * Attributes of the logical span at `request-end`: attempts, outcome, the response (id, model, finish reasons,
 * Cerebras `time_info`), usage summed over billed attempts, `error.type`, and the reply when opted in.
 */
export function requestEndAttributes(event: RequestEndEvent, stream: boolean, captureContent: boolean): Attributes {
  const attributes: Attributes = {
    [ATTR.retryAttempts]: event.attempts,
    [ATTR.outcome]: event.outcome,
  };
  const response = event.response;
  if (response !== undefined) {
    attributes[ATTR.responseId] = response.id;
    attributes[ATTR.responseModel] = response.model;
    attributes[ATTR.responseFinishReasons] = [response.finishReason];
    const time = response.timeInfo;
    if (time?.queueTime !== undefined) attributes[ATTR.timeQueue] = time.queueTime;
    if (time?.promptTime !== undefined) attributes[ATTR.timePrompt] = time.promptTime;
    if (time?.completionTime !== undefined) attributes[ATTR.timeCompletion] = time.completionTime;
    if (time?.totalTime !== undefined) attributes[ATTR.timeTotal] = time.totalTime;
    if (captureContent) attributes[ATTR.outputMessages] = outputMessagesJson(response);
  } else if (stream && event.outcome === 'error') {
    attributes[ATTR.responseFinishReasons] = ['error'];
  }
  addUsage(attributes, event.usage ?? response?.usage);
  if (event.budgetExceeded) attributes[ATTR.budgetExceeded] = true;
  if (event.fallbackReason !== undefined) {
    attributes[ATTR.fallback] = true;
    attributes[ATTR.fallbackReason] = event.fallbackReason;
  }
  const errorType = endErrorType(event);
  if (errorType !== undefined) attributes[ATTR.errorType] = errorType;
  if (event.error?.code !== undefined) attributes[ATTR.errorCode] = event.error.code;
  return attributes;
}

function addUsage(attributes: Attributes, usage: Usage | undefined): void {
  if (usage === undefined) return;
  attributes[ATTR.usageInputTokens] = usage.promptTokens;
  attributes[ATTR.usageOutputTokens] = usage.completionTokens;
  if (usage.reasoningTokens !== undefined) attributes[ATTR.usageReasoningOutputTokens] = usage.reasoningTokens;
  if (usage.cachedTokens !== undefined) attributes[ATTR.usageCacheReadInputTokens] = usage.cachedTokens;
}
