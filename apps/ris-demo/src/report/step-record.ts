import type { AgentName } from '../agents/agent-views.ts';
import type { AgentReplyStatus } from '../orchestrator/agent-reply.ts';
import type { StepActions } from '../scenario/actions.ts';
import type { HandoverOutcome, ServiceMode, StepOutcome } from '../scenario/types.ts';

/** Version of the `steps.jsonl` record layout; bumped on any incompatible change (documented in the README). */
export const STEP_RECORD_SCHEMA_VERSION = 2;

/** One vehicle in a step record. */
export interface VehicleRecord {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly servingRsuId: string;
  readonly mode: ServiceMode;
  readonly sinrDb: number;
  readonly rateBps: number;
  readonly risGainDb: number;
  readonly sicFailure: boolean;
}

/** One agent's part of a step record: its reply, the coordinator's verdict. */
export interface AgentRecord {
  readonly status: AgentReplyStatus | 'skipped';
  readonly reasked: boolean;
  readonly issues: readonly string[];
  readonly error: string | null;
  /** The proposal (validated reply or heuristic), null when there was none. */
  readonly proposal: unknown;
  /** Weighted utility and its signed terms; null when the proposal was not evaluated. */
  readonly utility: {
    readonly total: number;
    readonly energy: number;
    readonly fairness: number;
    readonly latency: number;
  } | null;
  readonly approved: boolean;
}

/** Decision latency and tokens of a step, with where they came from. */
export interface LlmTiming {
  /** `wall`: measured live; `recorded`: replayed durations of a live recording; `virtual`: the mock latency model. */
  readonly clock: 'wall' | 'recorded' | 'virtual';
  /** Decision latency of the step (first request to last reply), ms, on that clock. */
  readonly latencyMs: number;
  readonly budgetExceeded: boolean;
  /** Token counts: reported by the API (live, replay) or the mock's estimates (mock mode). */
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** LLM provenance of a step. */
export interface LlmRecord {
  /**
   * `ok`: every agent got a reply; `fallback`: the adapter's mock fallback answered some; `failed`: some requests got
   * no reply at all and those agents made no proposal; `skipped`: a request failed and, by policy `skip`, the step
   * applied no agent action.
   */
  readonly outcome: 'ok' | 'fallback' | 'failed' | 'skipped';
  /** Transports the step's attempts went to (`acpt.mock`, `cerebras`, `acpt.replay`), sorted. */
  readonly transports: readonly string[];
  /** The model that answered; null in mock mode (the scripted mock rules decided, no model). */
  readonly model: string | null;
  readonly requests: number;
  readonly attempts: number;
  /** Replies that failed validation and were replaced by the agent's heuristic (not a transport fallback). */
  readonly invalidReplies: number;
  readonly budgetMs: number;
  /** Live and replay: measured latency and the API's token counts. Null in mock mode. */
  readonly measured: LlmTiming | null;
  /** Mock mode only: the adapter path on virtual time with the mock's token estimates; not a measurement. */
  readonly adapterPath: LlmTiming | null;
  /** Fallback reasons seen, sorted; empty when none. */
  readonly fallbackReasons: readonly string[];
}

/** Per-step KPIs, physical units. */
export interface StepKpiRecord {
  readonly sumRateBps: number;
  readonly omaSumRateBps: number;
  readonly jainFairness: number;
  readonly energyEfficiencyBitPerJ: number;
  readonly totalPowerW: number;
  /** Measured decision latency, ms (live, replay); null in mock mode, whose latency is virtual (see `llm.adapterPath`). */
  readonly decisionLatencyMs: number | null;
  readonly handoverSuccesses: number;
  readonly handoverFailures: number;
  readonly handoversRejected: number;
  readonly pingPongs: number;
  readonly sicFailures: number;
  readonly invalidPairs: number;
  readonly risGainDb: number;
  readonly risGainVsRandomDb: number;
}

/** One line of `steps.jsonl`. */
export interface StepRecord {
  readonly schemaVersion: typeof STEP_RECORD_SCHEMA_VERSION;
  /** The agent run's policy key: `scripted-agents` (mock mode) or `llm-agents`. */
  readonly policy: string;
  readonly step: number;
  readonly timeS: number;
  readonly vehicles: readonly VehicleRecord[];
  readonly risFavour: StepOutcome['risFavour'];
  readonly agents: Readonly<Record<AgentName, AgentRecord>>;
  /** What the coordinator approved and handed to the simulation. */
  readonly actions: StepActions;
  readonly applied: {
    /** RIS favour entries the simulation refused (unknown vehicle, weight not > 0, listed twice). */
    readonly risRejected: StepOutcome['risRejected'];
    readonly nomaPairs: StepOutcome['noma']['appliedPairs'];
    readonly nomaRejected: StepOutcome['noma']['rejected'];
    readonly handovers: HandoverOutcome;
  };
  readonly kpis: StepKpiRecord;
  readonly llm: LlmRecord;
}

/** Builds the record of one step from the simulation's outcome, the agents' records and the LLM provenance. */
export function buildStepRecord(options: {
  readonly outcome: StepOutcome;
  readonly agents: Readonly<Record<AgentName, AgentRecord>>;
  readonly actions: StepActions;
  readonly llm: LlmRecord;
  readonly policy: string;
}): StepRecord {
  const { outcome, llm } = options;
  const { kpis } = outcome;
  return {
    schemaVersion: STEP_RECORD_SCHEMA_VERSION,
    policy: options.policy,
    step: outcome.stepIndex,
    timeS: outcome.timeS,
    vehicles: outcome.vehicles.map((vehicle) => ({
      id: vehicle.vehicleId,
      x: vehicle.position.x,
      y: vehicle.position.y,
      servingRsuId: vehicle.servingRsuId,
      mode: vehicle.mode,
      sinrDb: vehicle.sinrDb,
      rateBps: vehicle.rateBps,
      risGainDb: vehicle.risGainDb,
      sicFailure: vehicle.sicFailure,
    })),
    risFavour: outcome.risFavour,
    agents: options.agents,
    actions: options.actions,
    applied: {
      risRejected: outcome.risRejected,
      nomaPairs: outcome.noma.appliedPairs,
      nomaRejected: outcome.noma.rejected,
      handovers: outcome.handovers,
    },
    kpis: {
      sumRateBps: kpis.sumRateBps,
      omaSumRateBps: kpis.omaSumRateBps,
      jainFairness: kpis.jainFairness,
      energyEfficiencyBitPerJ: kpis.energyEfficiencyBitPerJ,
      totalPowerW: kpis.totalPowerW,
      decisionLatencyMs: llm.measured?.latencyMs ?? null,
      handoverSuccesses: kpis.handoverSuccesses,
      handoverFailures: kpis.handoverFailures,
      handoversRejected: kpis.handoversRejected,
      pingPongs: kpis.pingPongs,
      sicFailures: kpis.sicFailures,
      invalidPairs: kpis.invalidPairs,
      risGainDb: kpis.risGainDb,
      risGainVsRandomDb: kpis.risGainVsRandomDb,
    },
    llm,
  };
}
