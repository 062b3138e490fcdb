import type { AgentAction } from '../agents/agent-definitions.ts';
import type { AgentName } from '../agents/agent-views.ts';

/**
 * What became of one agent's request in a step:
 * - `valid`: the model's reply passed validation and is the agent's proposal;
 * - `invalid`: the reply failed validation (issues say why) and the agent's heuristic is the proposal;
 * - `failed`: the adapter produced no reply at all (error says why); there is no proposal.
 */
export type AgentReplyStatus = 'valid' | 'invalid' | 'failed';

/** One agent's outcome of the LLM phase of a step. */
export interface AgentReply {
  readonly agent: AgentName;
  readonly status: AgentReplyStatus;
  /** The proposal: the validated reply, or the heuristic's action for an invalid reply. */
  readonly proposal?: AgentAction;
  /** Validation issues of the (last) invalid reply. */
  readonly issues: readonly string[];
  /** Templated batching only: the packed answer was missing or invalid and the item was asked again alone. */
  readonly reasked: boolean;
  /** The adapter's error message, for `failed`. */
  readonly error?: string;
}
