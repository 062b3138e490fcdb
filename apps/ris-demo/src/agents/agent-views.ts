import type { Observation, ScenarioConfig } from '../scenario/types.ts';

/** The three decision agents. */
export type AgentName = 'ris' | 'noma' | 'v2i';

/** What the RIS agent is shown: per-vehicle SINR and RIS potential, and the current favour list. */
export interface RisView {
  readonly agent: 'ris';
  readonly step: number;
  readonly ris: { readonly elements: number; readonly phaseBits: number; readonly favour: readonly string[] };
  readonly vehicles: readonly {
    readonly id: string;
    readonly rsu: string;
    /** Mean SINR on the serving link with the current profile, dB. */
    readonly sinrDb: number;
    /** RIS gain if the profile were co-phased for this vehicle alone, dB. */
    readonly risPotentialDb: number;
  }[];
}

/** What the NOMA agent is shown: each RSU's users with their effective gains, strongest first. */
export interface NomaView {
  readonly agent: 'noma';
  readonly step: number;
  readonly sicResidual: number;
  readonly rsus: readonly {
    readonly id: string;
    readonly users: readonly { readonly id: string; readonly gainDb: number }[];
  }[];
}

/** What the V2I agent is shown: serving RSU, filtered RSRP per RSU and A3 state of each vehicle. */
export interface V2iView {
  readonly agent: 'v2i';
  readonly step: number;
  readonly a3: { readonly offsetDb: number; readonly hysteresisDb: number; readonly timeToTriggerS: number };
  readonly vehicles: readonly {
    readonly id: string;
    readonly rsu: string;
    readonly rsrpDbm: Readonly<Record<string, number>>;
    /** RSUs for which A3 has triggered, best first. */
    readonly a3: readonly string[];
    readonly speedMps: number;
  }[];
}

/** Any agent's view. The `agent` field says which. */
export type AgentView = RisView | NomaView | V2iView;

/** Rounds to one decimal: what the prompt shows, so the model and the mock responder see the same numbers. */
function tenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The RIS agent's view of an observation. */
export function risView(observation: Observation): RisView {
  return {
    agent: 'ris',
    step: observation.stepIndex,
    ris: {
      elements: observation.ris.elementCount,
      phaseBits: observation.ris.phaseBits,
      favour: observation.ris.favour.map((entry) => entry.vehicleId),
    },
    vehicles: observation.vehicles.map((vehicle) => ({
      id: vehicle.id,
      rsu: vehicle.servingRsuId,
      sinrDb: tenth(vehicle.meanSinrDb),
      risPotentialDb: tenth(vehicle.risPotentialGainDb),
    })),
  };
}

/** The NOMA agent's view of an observation. */
export function nomaView(observation: Observation, scenario: ScenarioConfig): NomaView {
  return {
    agent: 'noma',
    step: observation.stepIndex,
    sicResidual: scenario.noma.sicResidual,
    rsus: observation.rsus.map((rsu) => ({
      id: rsu.id,
      users: rsu.servedVehicles.map((served) => ({ id: served.vehicleId, gainDb: tenth(served.effectiveGainDb) })),
    })),
  };
}

/** The V2I agent's view of an observation. */
export function v2iView(observation: Observation, scenario: ScenarioConfig): V2iView {
  return {
    agent: 'v2i',
    step: observation.stepIndex,
    a3: {
      offsetDb: scenario.handover.a3OffsetDb,
      hysteresisDb: scenario.handover.hysteresisDb,
      timeToTriggerS: scenario.handover.timeToTriggerS,
    },
    vehicles: observation.vehicles.map((vehicle) => ({
      id: vehicle.id,
      rsu: vehicle.servingRsuId,
      rsrpDbm: Object.fromEntries(Object.entries(vehicle.rsrpDbm).map(([rsu, value]) => [rsu, tenth(value)])),
      a3: vehicle.a3TriggeredRsuIds,
      speedMps: tenth(vehicle.speedMps),
    })),
  };
}
