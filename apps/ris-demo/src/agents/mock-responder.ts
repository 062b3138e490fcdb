import type { ChatRequest } from '@acpt/config';
import type { MockResponder } from '@acpt/transport-mock';
import type { AgentView } from './agent-views.ts';
import { DEFAULT_MOCK_DECISIONS, type MockDecisions } from './mock-decisions.ts';

/** Options of {@link createMockResponder}. */
export interface MockResponderOptions {
  /** Replaces some or all of the default decisions (tests use it to show that decisions drive the KPIs). */
  readonly decisions?: Partial<MockDecisions>;
}

/** Name of the adapter's packed templated schema and of its single re-ask schema. */
const PACKED_SCHEMA = 'acpt_templated_answers';
const SINGLE_SCHEMA = 'acpt_templated_answer';

/**
 * The demo's mock "model": reads the agent view embedded as JSON in the last user message, decides with
 * {@link MockDecisions} (deterministic, seeded by the mock's seed, dependent on the observation) and replies with JSON
 * that matches the agent's schema. It understands the three request shapes the orchestrator sends: one agent request
 * (micro-batching), the adapter's packed templated request (`{"answers":[…]}`) and a templated re-ask
 * (`{"answer":…}`). A prompt it cannot read gets a plain-text reply, which the agent then counts as invalid.
 */
export function createMockResponder(options: MockResponderOptions = {}): MockResponder {
  const decisions: MockDecisions = { ...DEFAULT_MOCK_DECISIONS, ...options.decisions };
  const decide = (view: AgentView, seed: number): unknown => {
    switch (view.agent) {
      case 'ris':
        return decisions.ris(view, seed);
      case 'noma':
        return decisions.noma(view, seed);
      case 'v2i':
        return decisions.v2i(view, seed);
    }
  };
  return (request, context) => {
    const user = lastUserContent(request);
    const schemaName = request.responseFormat?.type === 'json_schema' ? request.responseFormat.jsonSchema.name : '';
    try {
      if (schemaName === PACKED_SCHEMA) {
        const items = JSON.parse(user) as { id: string; input: unknown }[];
        return JSON.stringify({
          answers: items.map((item) => ({ id: item.id, answer: decide(asView(item.input), context.seed) })),
        });
      }
      const answer = decide(asView(JSON.parse(user.slice(user.indexOf('{')))), context.seed);
      return JSON.stringify(schemaName === SINGLE_SCHEMA ? { answer } : answer);
    } catch (error) {
      return `mock responder: cannot read the observation (${(error as Error).message})`;
    }
  };
}

function lastUserContent(request: ChatRequest): string {
  for (let index = request.messages.length - 1; index >= 0; index -= 1) {
    const message = request.messages[index]!;
    if (message.role === 'user') return message.content ?? '';
  }
  return '';
}

function asView(value: unknown): AgentView {
  const agent = (value as { agent?: unknown } | null)?.agent;
  if (agent !== 'ris' && agent !== 'noma' && agent !== 'v2i') throw new Error(`unknown agent ${String(agent)}`);
  return value as AgentView;
}
