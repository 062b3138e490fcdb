import type { ChatRequest } from '@acpt/config';

/** What a responder knows besides the request. */
export interface MockResponderContext {
  /** The mock's seed. */
  readonly seed: number;
  /** 0-based index of this request among all the mock received. */
  readonly index: number;
  /** The model that answers (the request's, else the mock's default). */
  readonly model: string;
}

/** A tool call a responder asks the mock to make. */
export interface MockToolCallSpec {
  /** Call id; derived from the request and the seed (`call_…`) when absent. */
  readonly id?: string;
  /** Name of the function to call. */
  readonly name: string;
  /** Arguments: a JSON string sent as is, or a value the mock JSON-encodes. @defaultValue {} */
  readonly arguments?: string | Readonly<Record<string, unknown>>;
}

/**
 * An explicit reply, taken as it is instead of the mock's tool-call rules:
 * - `toolCalls` (non-empty): the reply calls these tools (`finish_reason: "tool_calls"`), whatever `tool_choice`
 *   and `parallel_tool_calls` say, so a test can also play a model that breaks them;
 * - otherwise it is a text reply, even where the rules would call a tool.
 */
export interface MockResponderReply {
  /** Reply text; with tool calls and no text the message content is `null`. @defaultValue '' */
  readonly text?: string;
  /** Tool calls to make. */
  readonly toolCalls?: readonly MockToolCallSpec[];
  /**
   * Reasoning that replaces the generated one. It is delivered in the request's `reasoning_format` (or the model's
   * default), and dropped when the request switches reasoning off (`reasoning_effort: "none"`).
   */
  readonly reasoning?: string;
}

/** What a responder returns: reply text (the mock's tool-call rules still apply), or an explicit reply. */
export type MockResponderOutput = string | MockResponderReply;

/**
 * Produces the reply of a request. To keep the mock deterministic it should be a pure function of its arguments
 * (use `createSeededRandom` for variety). The demo plugs one in to return JSON decisions. `MockResponder` (text
 * only) is what a text responder is; `MockResponder<MockResponderOutput>` may also return a
 * {@link MockResponderReply} with tool calls or reasoning.
 *
 * @example
 * const callTool: MockResponder<MockResponderOutput> = (request) =>
 *   request.tools ? { toolCalls: [{ name: 'set_phase', arguments: { bits: [1, 0] } }] } : 'No tools.';
 */
export type MockResponder<TOutput extends MockResponderOutput = string> = (
  request: ChatRequest,
  context: MockResponderContext,
) => TOutput;
