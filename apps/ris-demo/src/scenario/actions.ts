/**
 * What the agents decide and the coordinator applies to the simulation. This file is the interface between the
 * agents (src/agents, src/orchestrator) and the physics (src/physics, src/scenario).
 */

/** RIS agent: which vehicles the single RIS profile is co-phased for, with relative weights (> 0). */
export interface RisAction {
  /** Vehicles to favour; the profile maximises the weighted sum of their cascaded amplitudes. Empty = keep profile. */
  readonly favour: readonly { readonly vehicleId: string; readonly weight: number }[];
}

/** One NOMA pair on one RSU: the strong (near) user, the weak (far) user, and the far user's power share α. */
export interface NomaPair {
  readonly rsuId: string;
  readonly nearVehicleId: string;
  readonly farVehicleId: string;
  /** α in (0, 1): share of the RSU's power for the far user. */
  readonly farPowerShare: number;
}

/** NOMA agent: user pairing and power split per RSU. Vehicles left unpaired are served by OMA (time sharing). */
export interface NomaAction {
  readonly pairs: readonly NomaPair[];
}

/** One handover the V2I agent asks for; the simulation executes it only if event A3 (with TTT) has triggered. */
export interface HandoverDecision {
  readonly vehicleId: string;
  readonly targetRsuId: string;
}

/** V2I agent: handovers to execute this step (vehicles not listed stay where they are). */
export interface V2iAction {
  readonly handovers: readonly HandoverDecision[];
}

/** Everything the coordinator approved for one step. A missing domain keeps its previous setting. */
export interface StepActions {
  readonly ris?: RisAction;
  readonly noma?: NomaAction;
  readonly v2i?: V2iAction;
}
