/**
 * The oracle: per step, the joint action (handovers, RIS favour set, NOMA pairing and power split per RSU) with the
 * best weighted utility that the simulation's deterministic `predict()` gives, against the status quo. Two modes:
 *
 * - **exhaustive** when |V| · |R| · (1 + Π_r |N_r|) ≤ `exhaustiveLimit`: V all handover assignments, R "keep" and
 *   every unit-weight favour set, N_r every matching of RSU r's users with both SIC orders and every α of the grid
 *   for each pair. Exact on that grid (and never below a starting point, see below); then each chosen α is refined by
 *   golden-section search (±0.05).
 * - **alternating** otherwise (block coordinate ascent): start from the best of the status quo and every domain subset
 *   of the `incumbents` (the rule policies' proposals: what a coordinator could approve of them; offered in both
 *   modes, so the oracle is never below a coordinated rule policy), then improve one block at a time —
 *   handovers (every assignment while there are ≤ 64, else one vehicle at a time), the favour set ("keep", every
 *   single vehicle, then greedy growth to `maxFavour` vehicles), and per RSU its pairing (every matching when the RSU
 *   has ≤ 4 users, else the nested strongest-with-weakest ones; pairs in SIC order) with α by coordinate ascent on a
 *   0.1 grid — until a round improves nothing or `maxRounds` ran; then the same α refinement. A local optimum: at
 *   least as good as every starting point.
 *
 * Cost per step: exhaustive O(|V| |R| Π_r |N_r|) predictions; alternating per round O(|V| + n·S + Σ_r P_r · u_r · G)
 * predictions (P_r pairings of RSU r, G = 9 grid values). Predictions that only change NOMA reuse the cached gains
 * of their favour set and handovers, so the favour sets (one co-phasing of the panel each) dominate.
 */
import { utilityInputs } from '../../orchestrator/coordinator.ts';
import type { KpiWeights } from '../../orchestrator/kpi-weights.ts';
import { weightedUtility } from '../../orchestrator/weighted-utility.ts';
import type { NomaPair, RisAction, StepActions, V2iAction } from '../../scenario/actions.ts';
import type { Observation, Simulation } from '../../scenario/types.ts';
import { ALPHA_GRID, COARSE_ALPHA_GRID } from '../action-grid.ts';
import {
  allPairings,
  favourSubsets,
  handoverAssignmentCount,
  handoverAssignments,
  nestedPairings,
  type OrderedPair,
} from './oracle-candidates.ts';

/** Options of {@link searchOracle}. */
export interface OracleOptions {
  readonly weights: KpiWeights;
  /** Largest joint space searched exhaustively (predictions). @defaultValue 4000 */
  readonly exhaustiveLimit?: number;
  /** Largest favour set of the alternating search. @defaultValue 3 */
  readonly maxFavour?: number;
  /** Rounds of the alternating search. @defaultValue 2 */
  readonly maxRounds?: number;
  /** Joint actions to start from besides the status quo (e.g. the rule policies' proposals). */
  readonly incumbents?: readonly StepActions[];
}

/** The oracle's decision for one step. */
export interface OracleDecision {
  readonly actions: StepActions;
  /** Weighted utility of `actions` against the status quo (≥ 0: the status quo is a candidate). */
  readonly utility: number;
  readonly mode: 'exhaustive' | 'alternating';
  /** `predict()` calls made. */
  readonly evaluations: number;
}

/** Searches the joint action space of the current step for the best weighted utility (see the file comment). */
export function searchOracle(
  simulation: Pick<Simulation, 'predict'>,
  observation: Observation,
  options: OracleOptions,
): OracleDecision {
  const statusQuo = utilityInputs(simulation.predict({}));
  let evaluations = 1;
  const score = (actions: StepActions): number => {
    evaluations += 1;
    return weightedUtility(utilityInputs(simulation.predict(actions)), statusQuo, options.weights).utility;
  };
  const search = new Search(observation, score);
  for (const incumbent of options.incumbents ?? []) for (const subset of domainSubsets(incumbent)) search.offer(subset);
  const exhaustive = search.exhaustiveSize() <= (options.exhaustiveLimit ?? 4000);
  if (exhaustive) search.exhaustive();
  else search.alternating(options);
  search.refineWeights(exhaustive);
  search.refineAlphas();
  return {
    actions: search.best,
    utility: search.bestUtility,
    mode: exhaustive ? 'exhaustive' : 'alternating',
    evaluations,
  };
}

/** Every domain subset of a joint action: what a coordinator may approve of it. */
export function domainSubsets(actions: StepActions): StepActions[] {
  const subsets: StepActions[] = [{}];
  for (const domain of ['v2i', 'ris', 'noma'] as const) {
    const action = actions[domain];
    if (action === undefined) continue;
    for (const subset of [...subsets]) subsets.push({ ...subset, [domain]: action });
  }
  return subsets;
}

class Search {
  best: StepActions = {};
  bestUtility = 0;
  private readonly observation: Observation;
  private readonly score: (actions: StepActions) => number;

  constructor(observation: Observation, score: (actions: StepActions) => number) {
    this.observation = observation;
    this.score = score;
  }

  /** Tries a candidate; keeps it when it is strictly better. */
  offer(actions: StepActions): boolean {
    const utility = this.score(actions);
    if (utility > this.bestUtility) {
      this.best = actions;
      this.bestUtility = utility;
      return true;
    }
    return false;
  }

  /** Users per RSU that may be paired under the handovers of `v2i` (vehicles handing over are left out). */
  usersByRsu(v2i: V2iAction | undefined): Map<string, string[]> {
    const leaving = new Set((v2i?.handovers ?? []).map((handover) => handover.vehicleId));
    return new Map(
      this.observation.rsus.map((rsu) => [
        rsu.id,
        rsu.servedVehicles.map((served) => served.vehicleId).filter((id) => !leaving.has(id)),
      ]),
    );
  }

  exhaustiveSize(): number {
    const favourSets = 2 ** this.observation.vehicles.length;
    let size = handoverAssignmentCount(this.observation) * favourSets;
    if (!Number.isFinite(size) || size > 1e7) return Number.POSITIVE_INFINITY;
    let noma = 1;
    for (const users of this.usersByRsu(undefined).values()) noma *= gridOptionCount(users.length);
    size *= 1 + noma;
    return size;
  }

  exhaustive(): void {
    const ids = this.observation.vehicles.map((vehicle) => vehicle.id);
    const favours: (RisAction | undefined)[] = [undefined, ...favourSubsets(ids, ids.length)];
    for (const v2i of handoverAssignments(this.observation)) {
      const perRsu = [...this.usersByRsu(v2i)].map(([rsuId, users]) => gridOptions(rsuId, users));
      const nomas: (NomaPair[] | undefined)[] = [undefined, ...cartesian(perRsu)];
      for (const ris of favours) {
        for (const pairs of nomas) this.offer(compose(v2i, ris, pairs));
      }
    }
  }

  alternating(options: OracleOptions): void {
    const maxFavour = options.maxFavour ?? 3;
    for (let round = 0; round < (options.maxRounds ?? 2); round += 1) {
      const before = this.bestUtility;
      this.improveHandovers();
      this.improveFavour(maxFavour);
      this.improvePairings();
      if (!(this.bestUtility > before)) break;
    }
  }

  private improveHandovers(): void {
    if (handoverAssignmentCount(this.observation) <= 64) {
      for (const v2i of handoverAssignments(this.observation)) this.offer({ ...this.best, v2i });
      return;
    }
    for (const vehicle of this.observation.vehicles) {
      for (const target of [undefined, ...vehicle.a3TriggeredRsuIds]) {
        const others = (this.best.v2i?.handovers ?? []).filter((handover) => handover.vehicleId !== vehicle.id);
        const handovers = target === undefined ? others : [...others, { vehicleId: vehicle.id, targetRsuId: target }];
        this.offer({ ...this.best, v2i: { handovers } });
      }
    }
  }

  private improveFavour(maxFavour: number): void {
    const { ris: _keep, ...withoutRis } = this.best;
    this.offer(withoutRis);
    const ids = this.observation.vehicles.map((vehicle) => vehicle.id);
    let grown: string[] = [];
    let grownUtility = Number.NEGATIVE_INFINITY;
    for (let size = 1; size <= maxFavour; size += 1) {
      let bestStep: { ids: string[]; utility: number } | undefined;
      for (const id of ids) {
        if (grown.includes(id)) continue;
        const candidate = [...grown, id];
        const actions = { ...this.best, ris: { favour: candidate.map((vehicleId) => ({ vehicleId, weight: 1 })) } };
        const utility = this.score(actions);
        if (utility > this.bestUtility) {
          this.best = actions;
          this.bestUtility = utility;
        }
        if (bestStep === undefined || utility > bestStep.utility) bestStep = { ids: candidate, utility };
      }
      if (bestStep === undefined || !(bestStep.utility > grownUtility)) break;
      grown = bestStep.ids;
      grownUtility = bestStep.utility;
    }
  }

  private improvePairings(): void {
    for (const [rsuId, users] of this.usersByRsu(this.best.v2i)) {
      const pairings = users.length <= 4 ? gainOrdered(allPairings(users), users) : nestedPairings(users);
      for (const pairing of pairings) {
        let pairs = pairing.map(([near, far]) => ({
          rsuId,
          nearVehicleId: near,
          farVehicleId: far,
          farPowerShare: 0.8,
        }));
        const others = (this.best.noma?.pairs ?? []).filter((pair) => pair.rsuId !== rsuId);
        let utility = this.score(compose(this.best.v2i, this.best.ris, [...others, ...pairs]));
        for (let index = 0; index < pairs.length; index += 1) {
          for (const alpha of COARSE_ALPHA_GRID) {
            const trial = pairs.map((pair, position) =>
              position === index ? { ...pair, farPowerShare: alpha } : pair,
            );
            const trialUtility = this.score(compose(this.best.v2i, this.best.ris, [...others, ...trial]));
            if (trialUtility > utility) {
              pairs = trial;
              utility = trialUtility;
            }
          }
        }
        if (utility > this.bestUtility) {
          this.best = compose(this.best.v2i, this.best.ris, [...others, ...pairs]);
          this.bestUtility = utility;
        }
      }
    }
  }

  /**
   * Weight refinement of multi-vehicle favour sets (the profile depends on the weights' ratios): every weight vector
   * with the first vehicle at 1 and each other at one of {@link WEIGHT_RATIOS}, for the chosen favour set and — in
   * exhaustive mode — for every favour set of two or three vehicles, with the handovers and pairing of the best
   * action. Then the chosen set's pairing α are refined again by {@link refineAlphas}.
   */
  refineWeights(allSets: boolean): void {
    const sets: string[][] = [];
    const chosen = this.best.ris?.favour.map((entry) => entry.vehicleId);
    if (chosen !== undefined && chosen.length >= 2 && chosen.length <= 3) sets.push(chosen);
    if (allSets) {
      const ids = this.observation.vehicles.map((vehicle) => vehicle.id);
      for (const set of favourSubsets(ids, 3))
        if (set.favour.length >= 2) sets.push(set.favour.map((entry) => entry.vehicleId));
    }
    for (const set of sets) {
      for (const weights of weightVectors(set.length - 1)) {
        this.offer({
          ...this.best,
          ris: {
            favour: set.map((vehicleId, index) => ({ vehicleId, weight: index === 0 ? 1 : weights[index - 1]! })),
          },
        });
      }
    }
  }

  /** Golden-section refinement of each chosen α within ±0.05 of its grid value (the utility is smooth in α there). */
  refineAlphas(): void {
    const pairs = this.best.noma?.pairs ?? [];
    for (let index = 0; index < pairs.length; index += 1) {
      const current = this.best.noma!.pairs;
      const at = (alpha: number): StepActions => ({
        ...this.best,
        noma: {
          pairs: current.map((pair, position) => (position === index ? { ...pair, farPowerShare: alpha } : pair)),
        },
      });
      let low = Math.max(0.001, current[index]!.farPowerShare - 0.05);
      let high = Math.min(0.999, current[index]!.farPowerShare + 0.05);
      const ratio = (Math.sqrt(5) - 1) / 2;
      for (let iteration = 0; iteration < 30; iteration += 1) {
        const left = high - ratio * (high - low);
        const right = low + ratio * (high - low);
        if (this.score(at(left)) >= this.score(at(right))) high = right;
        else low = left;
      }
      this.offer(at((low + high) / 2));
    }
  }
}

/** Pairings with each pair in SIC order (`users` is strongest first): the reversed order fails SIC. */
function gainOrdered(pairings: OrderedPair[][], users: readonly string[]): OrderedPair[][] {
  return pairings.filter((pairing) => pairing.every(([near, far]) => users.indexOf(near) < users.indexOf(far)));
}

/** Relative weights tried for the other members of a favour set (the first weighs 1). */
const WEIGHT_RATIOS: readonly number[] = [0.125, 0.25, 0.5, 1, 2, 4, 8];

function weightVectors(others: number): number[][] {
  let vectors: number[][] = [[]];
  for (let index = 0; index < others; index += 1) {
    vectors = vectors.flatMap((vector) => WEIGHT_RATIOS.map((ratio) => [...vector, ratio]));
  }
  return vectors;
}

function gridOptionCount(users: number): number {
  let count = 0;
  for (const pairing of allPairings(Array.from({ length: users }, (_, index) => String(index)))) {
    count += ALPHA_GRID.length ** pairing.length;
  }
  return count;
}

function gridOptions(rsuId: string, users: readonly string[]): NomaPair[][] {
  const options: NomaPair[][] = [];
  for (const pairing of allPairings(users)) {
    let partial: NomaPair[][] = [[]];
    for (const [near, far] of pairing as OrderedPair[]) {
      partial = partial.flatMap((pairs) =>
        ALPHA_GRID.map((alpha) => [...pairs, { rsuId, nearVehicleId: near, farVehicleId: far, farPowerShare: alpha }]),
      );
    }
    options.push(...partial);
  }
  return options;
}

function cartesian(lists: readonly NomaPair[][][]): NomaPair[][] {
  let result: NomaPair[][] = [[]];
  for (const list of lists) result = result.flatMap((prefix) => list.map((option) => [...prefix, ...option]));
  return result;
}

function compose(
  v2i: V2iAction | undefined,
  ris: RisAction | undefined,
  pairs: readonly NomaPair[] | undefined,
): StepActions {
  return {
    ...(v2i === undefined ? {} : { v2i }),
    ...(ris === undefined ? {} : { ris }),
    ...(pairs === undefined ? {} : { noma: { pairs } }),
  };
}
