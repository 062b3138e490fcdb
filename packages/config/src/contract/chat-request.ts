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
  readonly name?: string;
  /** Tool calls of an assistant message. */
  readonly toolCalls?: readonly ToolCall[];
  /** For a `tool` message: the id of the call it answers. */
  readonly toolCallId?: string;
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
}
