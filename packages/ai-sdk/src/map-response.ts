import { type AdapterResponse, dropOptionalNulls, type JsonSchemaObject } from '@acpt/adapter';
import type { FinishReason, Usage } from '@acpt/config';
import type {
  LanguageModelV4Content,
  LanguageModelV4FinishReason,
  LanguageModelV4Usage,
  SharedV4ProviderMetadata,
} from '@ai-sdk/provider';

type JsonObject = SharedV4ProviderMetadata[string];

/** Cerebras' finish reason in the AI SDK's terms; acpt's `error` (no reason arrived) is `other`. */
export function mapFinishReason(reason: FinishReason): LanguageModelV4FinishReason {
  switch (reason) {
    case 'stop':
      return { unified: 'stop', raw: reason };
    case 'length':
      return { unified: 'length', raw: reason };
    case 'content_filter':
      return { unified: 'content-filter', raw: reason };
    case 'tool_calls':
      return { unified: 'tool-calls', raw: reason };
    case 'error':
      return { unified: 'other', raw: undefined };
    default:
      return { unified: 'other', raw: reason };
  }
}

/** Billed usage in the AI SDK's terms (cached prompt tokens as cache reads, reasoning split out of the output). */
export function mapUsage(usage: Usage | undefined): LanguageModelV4Usage {
  if (usage === undefined)
    return {
      inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    };
  const cached = usage.cachedTokens;
  const reasoning = usage.reasoningTokens;
  return {
    inputTokens: {
      total: usage.promptTokens,
      noCache: cached === undefined ? undefined : usage.promptTokens - cached,
      cacheRead: cached,
      cacheWrite: undefined,
    },
    outputTokens: {
      total: usage.completionTokens,
      text: reasoning === undefined ? undefined : usage.completionTokens - reasoning,
      reasoning,
    },
    raw: { ...usage },
  };
}

/**
 * acpt's facts about how the response was obtained, under `providerMetadata.acpt`: the adapter's request id and the
 * server's, who answered (`cerebras` live, `acpt.mock` mock or fallback), attempts, the fallback reason, the budget
 * breach, Cerebras `time_info` (seconds, server-measured), client latency (ms, measured), and the cost when the
 * response carries one. Absent facts are `null`.
 */
export function acptMetadata(response: AdapterResponse): SharedV4ProviderMetadata {
  const withCost = response as AdapterResponse & { readonly cost?: unknown };
  const metadata: JsonObject = {
    requestId: response.requestId,
    serverRequestId: response.serverRequestId ?? null,
    provider: response.provider,
    model: response.model,
    attempts: response.attempts,
    fallbackReason: response.fallback?.reason ?? null,
    budgetExceeded: response.budgetExceeded,
    timeInfo: response.timeInfo === undefined ? null : { ...response.timeInfo },
    latency: { ...response.latency },
    systemFingerprint: response.systemFingerprint ?? null,
  };
  if (withCost.cost !== undefined) metadata.cost = JSON.parse(JSON.stringify(withCost.cost));
  return { acpt: metadata };
}

/** The reply text, with the nulls that stood in for optional properties dropped when the caller's schema has any. */
export function outputText(text: string, outputSchema: JsonSchemaObject | undefined): string {
  if (outputSchema === undefined) return text;
  try {
    return JSON.stringify(dropOptionalNulls(JSON.parse(text), outputSchema));
  } catch {
    return text;
  }
}

/** The response's content parts: reasoning, text, then tool calls (arguments as the JSON string they came as). */
export function mapContent(
  response: AdapterResponse,
  outputSchema: JsonSchemaObject | undefined,
): LanguageModelV4Content[] {
  const content: LanguageModelV4Content[] = [];
  if (response.reasoning !== undefined && response.reasoning !== '')
    content.push({ type: 'reasoning', text: response.reasoning });
  if (response.text !== '') content.push({ type: 'text', text: outputText(response.text, outputSchema) });
  for (const call of response.toolCalls ?? [])
    content.push({
      type: 'tool-call',
      toolCallId: call.id,
      toolName: call.function.name,
      input: call.function.arguments === '' ? '{}' : call.function.arguments,
    });
  return content;
}
