import type * as v from 'valibot';
import type { NomaAction, RisAction, V2iAction } from '../scenario/actions.ts';
import type { Observation, ScenarioConfig } from '../scenario/types.ts';
import { AGENT_HEURISTICS } from './agent-heuristics.ts';
import { type AgentName, type AgentView, nomaView, risView, v2iView } from './agent-views.ts';
import { nomaReplyJsonSchema, nomaReplySchema } from './noma-reply.ts';
import type { ReplyContext } from './reply-parse.ts';
import { risReplyJsonSchema, risReplySchema } from './ris-reply.ts';
import { v2iReplyJsonSchema, v2iReplySchema } from './v2i-reply.ts';

/** Any agent's action. */
export type AgentAction = RisAction | NomaAction | V2iAction;

/** Everything that makes one agent: its instructions, what it sees, its reply schema and its fallback rule. */
export interface AgentDefinition<TAction> {
  readonly name: AgentName;
  /** The agent's part of the system prompt (after {@link SHARED_INSTRUCTIONS}): its role, objective and rules. */
  readonly role: string;
  /** Completion-token bound of one reply (reasoning included). */
  readonly maxCompletionTokens: number;
  /** The agent's view of an observation, embedded as compact JSON in the prompt. */
  view(observation: Observation, scenario: ScenarioConfig): AgentView;
  /** The strict JSON schema sent as `response_format`. */
  jsonSchema(context: ReplyContext): Record<string, unknown>;
  /** The valibot schema every reply is validated with. */
  replySchema(context: ReplyContext): v.GenericSchema<unknown, TAction>;
  /** The fixed rule used when the reply is invalid. */
  heuristic(observation: Observation): TAction;
}

/**
 * Completion-token bound of every agent reply. It counts reasoning tokens too (gpt-oss reasons by default), so it is
 * well above the few hundred tokens of the JSON itself: a reply cut off at the limit would be invalid.
 */
export const REPLY_TOKEN_LIMIT = 2048;

/** The part of every agent's instructions that describes the setting and the coordinator. */
export const SHARED_INSTRUCTIONS: string =
  'You control one part of a simulated RIS-assisted vehicle-to-infrastructure (V2I) downlink with NOMA. A coordinator ' +
  'predicts the effect of your proposal on energy per bit, Jain fairness of the user rates and latency, weighs them ' +
  'and applies the proposal only if it improves on the current setting. Reply with JSON only, matching the schema.';

/** The RIS agent: which vehicles the single RIS phase profile is co-phased for. */
export const RIS_AGENT: AgentDefinition<RisAction> = {
  name: 'ris',
  role:
    'You are the RIS agent. One phase profile serves every vehicle: co-phasing for some vehicles scrambles ' +
    'the phases for the others. Pick the vehicles to favour (with weights) from their SINR and RIS potential gain; an ' +
    'empty list keeps the current profile.',
  maxCompletionTokens: REPLY_TOKEN_LIMIT,
  view: (observation) => risView(observation),
  jsonSchema: risReplyJsonSchema,
  replySchema: risReplySchema,
  heuristic: AGENT_HEURISTICS.ris,
};

/** The NOMA agent: user pairing and power split per RSU. */
export const NOMA_AGENT: AgentDefinition<NomaAction> = {
  name: 'noma',
  role:
    'You are the NOMA agent. Pair users served by the same RSU: the near (stronger gain) user decodes the ' +
    "far user's signal by SIC; farPowerShare is the far user's share alpha of the RSU power. A pair in the wrong " +
    'order or with too little contrast causes SIC failures; unpaired users share time (OMA).',
  maxCompletionTokens: REPLY_TOKEN_LIMIT,
  view: (observation, scenario) => nomaView(observation, scenario),
  jsonSchema: nomaReplyJsonSchema,
  replySchema: nomaReplySchema,
  heuristic: AGENT_HEURISTICS.noma,
};

/** The V2I agent: handover decisions within the A3 rules. */
export const V2I_AGENT: AgentDefinition<V2iAction> = {
  name: 'v2i',
  role:
    "You are the V2I agent. Decide handovers: only towards an RSU listed in the vehicle's a3 field (event A3 " +
    'has triggered with hysteresis and time-to-trigger) is a handover executed; others are rejected. Avoid ping-pong ' +
    '(returning to the previous RSU soon after leaving it).',
  maxCompletionTokens: REPLY_TOKEN_LIMIT,
  view: (observation, scenario) => v2iView(observation, scenario),
  jsonSchema: v2iReplyJsonSchema,
  replySchema: v2iReplySchema,
  heuristic: AGENT_HEURISTICS.v2i,
};

/** The three agents, in the order the coordinator considers them (association, then channel, then power split). */
export const AGENTS: readonly [AgentDefinition<V2iAction>, AgentDefinition<RisAction>, AgentDefinition<NomaAction>] = [
  V2I_AGENT,
  RIS_AGENT,
  NOMA_AGENT,
];

/** The identifiers a reply may use, from the observation its prompt was written from. */
export function replyContext(observation: Observation): ReplyContext {
  return {
    vehicleIds: observation.vehicles.map((vehicle) => vehicle.id),
    rsuIds: observation.rsus.map((rsu) => rsu.id),
    servingRsu: Object.fromEntries(observation.vehicles.map((vehicle) => [vehicle.id, vehicle.servingRsuId])),
  };
}
