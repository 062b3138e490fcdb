import type { NomaAction, NomaPair, RisAction, V2iAction } from '../scenario/actions.ts';
import type { NomaView, RisView, V2iView } from './agent-views.ts';
import { hashUnit } from './decision-hash.ts';

/** How the mock "model" decides, one function per agent. Swap any of them to change the agents' behaviour. */
export interface MockDecisions {
  ris(view: RisView, seed: number): RisAction;
  noma(view: NomaView, seed: number): NomaAction;
  v2i(view: V2iView, seed: number): V2iAction;
}

/** Gain contrast below which the default NOMA decision leaves users on OMA, dB. */
export const NOMA_MIN_CONTRAST_DB = 3;
/** Share of A3-triggered handovers the default V2I decision refuses (seeded per vehicle and step). */
export const V2I_REFUSAL_PROBABILITY = 0.1;

/**
 * RIS: co-phase for the weakest vehicles (lowest mean SINR) that the RIS can actually help (potential ≥ 0.5 dB),
 * about a quarter of them (1 to 3), weighted by how far below the median SINR they are.
 */
function favourWeakest(view: RisView): RisAction {
  const sorted = [...view.vehicles].sort((left, right) => left.sinrDb - right.sinrDb || compare(left.id, right.id));
  const median = sorted[Math.floor(sorted.length / 2)]?.sinrDb ?? 0;
  const count = Math.min(3, Math.max(1, Math.ceil(sorted.length / 4)));
  const favour = sorted
    .filter((vehicle) => vehicle.risPotentialDb >= 0.5)
    .slice(0, count)
    .map((vehicle) => ({ vehicleId: vehicle.id, weight: round2(clamp(1 + (median - vehicle.sinrDb) / 10, 0.5, 10)) }));
  return { favour };
}

/**
 * NOMA: per RSU, pair the strongest with the weakest user, the second strongest with the second weakest, … while
 * the gain contrast is at least {@link NOMA_MIN_CONTRAST_DB}. The far user's share α is the least that gives it its
 * two-user TDMA rate (α_min, physics.md §4), plus a seeded margin of up to 0.05, within [0.5, 0.95].
 */
function pairByContrast(view: NomaView, seed: number): NomaAction {
  const pairs: NomaPair[] = [];
  for (const rsu of view.rsus) {
    const users = [...rsu.users].sort((left, right) => right.gainDb - left.gainDb || compare(left.id, right.id));
    for (let strong = 0, weak = users.length - 1; strong < weak; strong += 1, weak -= 1) {
      const near = users[strong]!;
      const far = users[weak]!;
      if (near.gainDb - far.gainDb < NOMA_MIN_CONTRAST_DB) break;
      const gamma = 10 ** (far.gainDb / 10);
      const target = 0.5 * Math.log2(1 + gamma);
      const alphaMin = 1 - ((1 + gamma) * 2 ** -target - 1) / gamma;
      const margin = 0.05 * hashUnit(seed, 'noma', view.step, rsu.id, far.id);
      const farPowerShare = round2(clamp(alphaMin + margin, 0.5, 0.95));
      pairs.push({ rsuId: rsu.id, nearVehicleId: near.id, farVehicleId: far.id, farPowerShare });
    }
  }
  return { pairs };
}

/**
 * V2I: execute each A3-triggered handover towards the best triggered RSU, except a seeded
 * {@link V2I_REFUSAL_PROBABILITY} share that is refused (a stand-in for a model that hesitates).
 */
function acceptTriggered(view: V2iView, seed: number): V2iAction {
  const handovers = view.vehicles.flatMap((vehicle) => {
    const target = vehicle.a3[0];
    if (target === undefined || target === vehicle.rsu) return [];
    if (hashUnit(seed, 'v2i', view.step, vehicle.id) < V2I_REFUSAL_PROBABILITY) return [];
    return [{ vehicleId: vehicle.id, targetRsuId: target }];
  });
  return { handovers };
}

/** The default mock decisions: deterministic, seeded, and driven by the observation in the prompt. */
export const DEFAULT_MOCK_DECISIONS: MockDecisions = {
  ris: favourWeakest,
  noma: (view, seed) => pairByContrast(view, seed),
  v2i: (view, seed) => acceptTriggered(view, seed),
};

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
