/** `usage` as Cerebras sends it (every field may be absent). */
export interface WireUsage {
  readonly prompt_tokens?: number | null;
  readonly completion_tokens?: number | null;
  readonly total_tokens?: number | null;
  readonly prompt_tokens_details?: { readonly cached_tokens?: number | null } | null;
  readonly completion_tokens_details?: { readonly reasoning_tokens?: number | null } | null;
}

/** `time_info`: server-side timings in seconds, `created` in unix seconds (a float in recorded traffic). */
export interface WireTimeInfo {
  readonly queue_time?: number | null;
  readonly prompt_time?: number | null;
  readonly completion_time?: number | null;
  readonly total_time?: number | null;
  readonly created?: number | null;
}

/** A tool call, whole (non-streaming) or as a streamed fragment keyed by `index`. */
export interface WireToolCall {
  readonly index?: number | null;
  readonly id?: string | null;
  readonly type?: string | null;
  readonly function?: { readonly name?: string | null; readonly arguments?: string | null } | null;
}

/** `choices[].message` of a chat completion, or `choices[].delta` of a chunk. */
export interface WireMessage {
  readonly role?: string | null;
  readonly content?: string | null;
  readonly reasoning?: string | null;
  readonly tool_calls?: readonly WireToolCall[] | null;
}

/** One choice of a completion (`message`) or of a chunk (`delta`). */
export interface WireChoice {
  readonly index?: number | null;
  readonly finish_reason?: string | null;
  readonly message?: WireMessage | null;
  readonly delta?: WireMessage | null;
}

/** A chat completion (`chat.completion`) or a stream chunk (`chat.completion.chunk`). */
export interface WireCompletion {
  readonly id?: string;
  readonly object?: string;
  readonly created?: number | null;
  readonly model?: string;
  readonly system_fingerprint?: string;
  readonly choices?: readonly WireChoice[] | null;
  readonly usage?: WireUsage | null;
  readonly time_info?: WireTimeInfo | null;
}

/** A mid-stream error event: `{"error":{message,type,code,param},"status_code":500}`. */
export interface WireErrorEvent {
  readonly error: unknown;
  readonly status_code?: number | null;
}
