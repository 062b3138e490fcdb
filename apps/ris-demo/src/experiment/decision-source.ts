/** How the agents reach a model: scripted mock rules, a live endpoint, or a recorded cassette. */
export type RunMode = 'mock' | 'live' | 'replay';

/** How a run's decision latencies and token counts were obtained. */
export type DecisionClock = 'virtual' | 'wall' | 'recorded';

/** Who decided in the agent run, as every output labels it. */
export interface DecisionSource {
  /** Key of the agent run in `summary.policies`: `scripted-agents` in mock mode, `llm-agents` otherwise. */
  readonly policy: 'scripted-agents' | 'llm-agents';
  /** What tables and charts call it: `scripted-agents (mock)`, `llm-agents`, `llm-agents (replay)`. */
  readonly label: string;
  /** The model that decided: `none — mock rules` in mock mode, the model id otherwise. */
  readonly model: string;
  /** One sentence: what produced the decisions. */
  readonly decidedBy: string;
  /**
   * `virtual`: the mock latency model on a virtual clock (not a measurement); `wall`: measured live;
   * `recorded`: the durations measured when the cassette was recorded, replayed on a virtual clock.
   */
  readonly clock: DecisionClock;
  /** Whether latencies and token counts are measurements (live, replay) rather than mock figures. */
  readonly measured: boolean;
}

/** The model label of mock mode: no model decides, the scripted rules do. */
export const MOCK_MODEL_LABEL = 'none — mock rules';

/** Who decides in a run of `mode` with the configured `modelId`. */
export function decisionSource(mode: RunMode, modelId: string): DecisionSource {
  switch (mode) {
    case 'mock':
      return {
        policy: 'scripted-agents',
        label: 'scripted-agents (mock)',
        model: MOCK_MODEL_LABEL,
        decidedBy:
          'scripted mock rules (src/agents/mock-decisions.ts) answering through the adapter path; no model was asked',
        clock: 'virtual',
        measured: false,
      };
    case 'live':
      return {
        policy: 'llm-agents',
        label: 'llm-agents',
        model: modelId,
        decidedBy: `model ${modelId}, asked live`,
        clock: 'wall',
        measured: true,
      };
    case 'replay':
      return {
        policy: 'llm-agents',
        label: 'llm-agents (replay)',
        model: modelId,
        decidedBy: `model ${modelId}, replayed from a recorded cassette`,
        clock: 'recorded',
        measured: true,
      };
  }
}
