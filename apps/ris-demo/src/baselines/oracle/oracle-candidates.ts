/**
 * The oracle's candidate actions per domain: handover assignments, RIS favour sets and NOMA pairings of one RSU.
 * Sizes (n vehicles, t_k triggered targets of vehicle k, u users on an RSU, G power-split grid values):
 * assignments Π_k (1 + t_k); favour sets Σ_{s ≤ S} C(n, s); all matchings of u users with both SIC orders of each
 * pair Σ_p u! / ((u − 2p)! p!) (1, 1, 3, 7, 25, 81, 331 for u = 0 … 6); nested pairings ⌊u/2⌋ + 1.
 */
import type { HandoverDecision, RisAction, V2iAction } from '../../scenario/actions.ts';
import type { Observation } from '../../scenario/types.ts';
import { GRID_FAVOUR_WEIGHT } from '../action-grid.ts';

/** An ordered pair of one RSU: the near (SIC) user and the far user. */
export type OrderedPair = readonly [near: string, far: string];

/** Every combination of accepting (towards any triggered target) or refusing each A3-triggered vehicle's handover. */
export function handoverAssignments(observation: Observation): V2iAction[] {
  let assignments: HandoverDecision[][] = [[]];
  for (const vehicle of observation.vehicles) {
    if (vehicle.a3TriggeredRsuIds.length === 0) continue;
    const next: HandoverDecision[][] = [];
    for (const partial of assignments) {
      next.push(partial);
      for (const target of vehicle.a3TriggeredRsuIds)
        next.push([...partial, { vehicleId: vehicle.id, targetRsuId: target }]);
    }
    assignments = next;
  }
  return assignments.map((handovers) => ({ handovers }));
}

/** How many handover assignments there are, without listing them. */
export function handoverAssignmentCount(observation: Observation): number {
  return observation.vehicles.reduce((count, vehicle) => count * (1 + vehicle.a3TriggeredRsuIds.length), 1);
}

/** Every favour set of 1 … `maxSize` vehicles with unit weights, smallest first. */
export function favourSubsets(vehicleIds: readonly string[], maxSize: number): RisAction[] {
  const sets: RisAction[] = [];
  const grow = (start: number, chosen: string[]): void => {
    if (chosen.length > 0)
      sets.push({ favour: chosen.map((vehicleId) => ({ vehicleId, weight: GRID_FAVOUR_WEIGHT })) });
    if (chosen.length === maxSize) return;
    for (let index = start; index < vehicleIds.length; index += 1) grow(index + 1, [...chosen, vehicleIds[index]!]);
  };
  grow(0, []);
  return sets.sort((left, right) => left.favour.length - right.favour.length);
}

/**
 * Every matching of `users` (any number of disjoint pairs, none included) with both SIC orders of each pair. For u
 * users that is 1, 1, 3, 7, 25, 81, 331 … sets (u = 0 … 6): use it for small RSUs only.
 */
export function allPairings(users: readonly string[]): OrderedPair[][] {
  if (users.length < 2) return [[]];
  const [first, ...rest] = users as [string, ...string[]];
  const result: OrderedPair[][] = allPairings(rest);
  for (let index = 0; index < rest.length; index += 1) {
    const partner = rest[index]!;
    const remaining = rest.filter((_user, position) => position !== index);
    for (const tail of allPairings(remaining)) {
      result.push([[first, partner], ...tail]);
      result.push([[partner, first], ...tail]);
    }
  }
  return result;
}

/**
 * The nested strongest-with-weakest pairings of `users` (sorted strongest first): no pair, the strongest with the
 * weakest, then also the second strongest with the second weakest, … (⌊u/2⌋ + 1 sets), the near-far pairing that
 * maximises the gain gaps.
 */
export function nestedPairings(users: readonly string[]): OrderedPair[][] {
  const result: OrderedPair[][] = [[]];
  const pairs: OrderedPair[] = [];
  for (let strong = 0, weak = users.length - 1; strong < weak; strong += 1, weak -= 1) {
    pairs.push([users[strong]!, users[weak]!]);
    result.push([...pairs]);
  }
  return result;
}
