/** A model id. Any string is accepted; the union only helps editors suggest current Cerebras ids. */
export type ModelId = 'gpt-oss-120b' | 'qwen-3.8-27b' | (string & {});

/** Who wrote a chat message. `developer` behaves as `system` on Cerebras. */
export type ChatRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool';

/** A function call the model asked for; `arguments` is a JSON string, as on the wire. */
export interface ToolCall {
  /** Id that the answering `tool` message must quote. */
  readonly id: string;
  /** Always `function` today. */
  readonly type: 'function';
  /** The function and its JSON-encoded arguments. */
  readonly function: { readonly name: string; readonly arguments: string };
}

/** One chat message. */
export interface ChatMessage {
  /** Author of the message. */
  readonly role: ChatRole;
  /** Text of the message; `null` only for an assistant message that carries tool calls. */
  readonly content: string | null;
  /** Optional participant name. */
  readonly name?: string | undefined;
  /** Tool calls of an assistant message. */
  readonly toolCalls?: readonly ToolCall[] | undefined;
  /** For a `tool` message: the id of the call it answers. */
  readonly toolCallId?: string | undefined;
}

/** A function tool the model may call. */
export interface ToolDefinition {
  /** Always `function`. */
  readonly type: 'function';
  /** Name (letters, digits, `_`, at most 64), description and JSON-schema parameters. */
  readonly function: {
    readonly name: string;
    readonly description?: string;
    readonly parameters?: Readonly<Record<string, unknown>>;
    readonly strict?: boolean;
  };
}

/** How the reply must be shaped. */
export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | {
      readonly type: 'json_schema';
      readonly jsonSchema: {
        readonly name: string;
        readonly description?: string;
        readonly schema: Readonly<Record<string, unknown>>;
        readonly strict?: boolean;
      };
    };

/** Which tool the model must call, if any. */
export type ToolChoice =
  | 'none'
  | 'auto'
  | 'required'
  | { readonly type: 'function'; readonly function: { readonly name: string } };

/**
 * A chat-completion request in the family's own (camelCase) shape. Transports translate it to the wire.
 * Fields left out are not sent, except `maxCompletionTokens`, which transports always send (from config if unset).
 */
export interface ChatRequest {
  /** Model id; the configured model when absent. */
  readonly model?: ModelId;
  /** The conversation; at least one message. */
  readonly messages: readonly ChatMessage[];
  /** Upper bound on generated tokens, reasoning included. Cerebras reserves it against the token quota. */
  readonly maxCompletionTokens?: number;
  /** Sampling temperature, 0–1.5 on Cerebras. */
  readonly temperature?: number;
  /** Nucleus sampling, 0–1. */
  readonly topP?: number;
  /** Best-effort determinism seed. */
  readonly seed?: number;
  /** Up to four stop sequences. */
  readonly stop?: string | readonly string[];
  /** Text, JSON object or JSON schema output. */
  readonly responseFormat?: ResponseFormat;
  /** Function tools. */
  readonly tools?: readonly ToolDefinition[];
  /** Tool selection policy; needs `tools`. */
  readonly toolChoice?: ToolChoice;
  /** Whether several tool calls may come in one turn. */
  readonly parallelToolCalls?: boolean;
  /** Reasoning effort of reasoning models; `none` switches reasoning off where supported. */
  readonly reasoningEffort?: 'none' | 'low' | 'medium' | 'high';
  /** Where reasoning goes: `parsed` moves it out of the content. */
  readonly reasoningFormat?: 'none' | 'parsed' | 'text_parsed' | 'raw' | 'hidden';
  /** End-user id for abuse monitoring. */
  readonly user?: string;
  /** Lower bound on generated tokens (`min_completion_tokens`); `-1` = the maximum. */
  readonly minCompletionTokens?: number;
  /** Penalises tokens by how often they appeared (−2..2). */
  readonly frequencyPenalty?: number;
  /** Penalises tokens that appeared at all (−2..2). */
  readonly presencePenalty?: number;
  /** Token id → bias (−100..100). */
  readonly logitBias?: Readonly<Record<string, number>>;
  /** Return log probabilities of the output tokens. */
  readonly logprobs?: boolean;
  /** How many most likely tokens to return per position (0–20); needs `logprobs`. */
  readonly topLogprobs?: number;
  /** Service tier (Private Preview); `priority` is for dedicated endpoints only. */
  readonly serviceTier?: 'auto' | 'default' | 'flex' | 'priority';
  /** Predicted output: content the reply is expected to repeat. */
  readonly prediction?: { readonly type: 'content'; readonly content: string };
  /** Prompt-cache routing hint. */
  readonly promptCacheKey?: string;
  /** GLM models only: drop earlier turns' reasoning. */
  readonly clearThinking?: boolean;
  /**
   * Extra body fields sent as they are, for request parameters newer than this contract (snake_case wire names).
   * Never a field the contract models: {@link CHAT_REQUEST_WIRE_FIELDS} lists those, and callers refuse collisions.
   */
  readonly extraBody?: ExtraBody;
}

/**
 * Every wire field (snake_case) that `ChatRequest` models or a transport writes itself. `extraBody` must not use
 * any of them: the typed field, or the transport, owns it.
 */
export const CHAT_REQUEST_WIRE_FIELDS: readonly ChatRequestWireField[] = [
  'model',
  'messages',
  'max_completion_tokens',
  'max_tokens',
  'min_completion_tokens',
  'temperature',
  'top_p',
  'seed',
  'stop',
  'stream',
  'stream_options',
  'response_format',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'reasoning_effort',
  'reasoning_format',
  'disable_reasoning',
  'user',
  'frequency_penalty',
  'presence_penalty',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'service_tier',
  'prediction',
  'prompt_cache_key',
  'clear_thinking',
];

/** A wire field that `ChatRequest` models or a transport writes itself. */
export type ChatRequestWireField =
  | 'model'
  | 'messages'
  | 'max_completion_tokens'
  | 'max_tokens'
  | 'min_completion_tokens'
  | 'temperature'
  | 'top_p'
  | 'seed'
  | 'stop'
  | 'stream'
  | 'stream_options'
  | 'response_format'
  | 'tools'
  | 'tool_choice'
  | 'parallel_tool_calls'
  | 'reasoning_effort'
  | 'reasoning_format'
  | 'disable_reasoning'
  | 'user'
  | 'frequency_penalty'
  | 'presence_penalty'
  | 'logit_bias'
  | 'logprobs'
  | 'top_logprobs'
  | 'service_tier'
  | 'prediction'
  | 'prompt_cache_key'
  | 'clear_thinking';

/**
 * Extra wire fields (snake_case) for parameters newer than the contract. The type refuses the fields acpt owns
 * ({@link ChatRequestWireField}): `{ model: 'x' }` does not compile, and callers refuse such keys at run time too.
 */
export type ExtraBody = { readonly [field: string]: unknown } & { readonly [TField in ChatRequestWireField]?: never };
