/** Fields of a recorded Cerebras chunk that every chunk repeats. */
const chunkHead = {
  id: 'chatcmpl-7f3a',
  object: 'chat.completion.chunk',
  created: 1761231233,
  model: 'qwen-3.8-27b',
  system_fingerprint: 'fp_9c1d',
};

/** The `usage` of the recorded examples. */
export const wireUsage = {
  prompt_tokens: 41,
  completion_tokens: 9,
  total_tokens: 50,
  prompt_tokens_details: { cached_tokens: 32 },
  completion_tokens_details: { reasoning_tokens: 3 },
};

/** The `time_info` of the recorded examples (`created` is a float, as observed). */
export const wireTimeInfo = {
  queue_time: 0.00007,
  prompt_time: 0.0011,
  completion_time: 0.0057,
  total_time: 0.022,
  created: 1761231233.44,
};

/** One chunk's JSON with the given first choice and extra top-level fields. */
export function chunkJson(choice: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...chunkHead, choices: [{ index: 0, ...choice }], ...extra });
}

/** A `data:` event of one chunk, ended by `\n\n`. */
export function chunkEvent(choice: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return `data: ${chunkJson(choice, extra)}\n\n`;
}

/**
 * The recorded Cerebras sequence (no `[DONE]`): role, content deltas, an empty delta, then the finishing chunk with
 * usage and `time_info`.
 */
export function recordedStream(contents: readonly string[], finishReason = 'stop'): string[] {
  return [
    chunkEvent({ delta: { role: 'assistant' } }),
    ...contents.map((content) => chunkEvent({ delta: { content } })),
    chunkEvent({ delta: {} }),
    chunkEvent({ delta: {}, finish_reason: finishReason }, { usage: wireUsage, time_info: wireTimeInfo }),
  ];
}

/** A whole `chat.completion` body. */
export function completionBody(message: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'chatcmpl-7f3a',
    object: 'chat.completion',
    created: 1761231233,
    model: 'qwen-3.8-27b',
    system_fingerprint: 'fp_9c1d',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', ...message } }],
    usage: wireUsage,
    time_info: wireTimeInfo,
    ...extra,
  });
}
