import type { TimeInfo, ToolCall, Usage } from '@acpt/config';
import type { WireTimeInfo, WireToolCall, WireUsage } from './wire-types.ts';

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Maps wire `usage` (cached and reasoning tokens included); `undefined` when absent or not an object. */
export function mapUsage(usage: WireUsage | null | undefined): Usage | undefined {
  if (typeof usage !== 'object' || usage === null) return undefined;
  const promptTokens = isNumber(usage.prompt_tokens) ? usage.prompt_tokens : 0;
  const completionTokens = isNumber(usage.completion_tokens) ? usage.completion_tokens : 0;
  const mapped: { -readonly [K in keyof Usage]: Usage[K] } = {
    promptTokens,
    completionTokens,
    totalTokens: isNumber(usage.total_tokens) ? usage.total_tokens : promptTokens + completionTokens,
  };
  const cached = usage.prompt_tokens_details?.cached_tokens;
  if (isNumber(cached)) mapped.cachedTokens = cached;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (isNumber(reasoning)) mapped.reasoningTokens = reasoning;
  return mapped;
}

/** Maps wire `time_info` (seconds); `undefined` when absent. Fields that are not numbers are left out. */
export function mapTimeInfo(timeInfo: WireTimeInfo | null | undefined): TimeInfo | undefined {
  if (typeof timeInfo !== 'object' || timeInfo === null) return undefined;
  const mapped: { -readonly [K in keyof TimeInfo]: TimeInfo[K] } = {};
  if (isNumber(timeInfo.queue_time)) mapped.queueTime = timeInfo.queue_time;
  if (isNumber(timeInfo.prompt_time)) mapped.promptTime = timeInfo.prompt_time;
  if (isNumber(timeInfo.completion_time)) mapped.completionTime = timeInfo.completion_time;
  if (isNumber(timeInfo.total_time)) mapped.totalTime = timeInfo.total_time;
  if (isNumber(timeInfo.created)) mapped.created = timeInfo.created;
  return mapped;
}

/** Maps whole wire tool calls; `undefined` when there are none. */
export function mapToolCalls(calls: readonly WireToolCall[] | null | undefined): ToolCall[] | undefined {
  if (!Array.isArray(calls) || calls.length === 0) return undefined;
  return calls.map((call: WireToolCall) => ({
    id: call.id ?? '',
    type: 'function' as const,
    function: { name: call.function?.name ?? '', arguments: call.function?.arguments ?? '' },
  }));
}

/** Reads one response header as a single string (the first value of a repeated header). */
export function headerValue(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  name: string,
): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : value?.[0];
}
