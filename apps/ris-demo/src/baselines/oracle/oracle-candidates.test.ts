import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../scenario/create-simulation.ts';
import { ALPHA_GRID } from '../action-grid.ts';
import {
  allPairings,
  favourSubsets,
  handoverAssignmentCount,
  handoverAssignments,
  nestedPairings,
} from './oracle-candidates.ts';

describe('oracle candidates', () => {
  it('lists every matching with both SIC orders: 1, 1, 3, 7, 25, 81 sets for 0 … 5 users', () => {
    const users = ['a', 'b', 'c', 'd', 'e'];
    expect([0, 1, 2, 3, 4, 5].map((count) => allPairings(users.slice(0, count)).length)).toEqual([1, 1, 3, 7, 25, 81]);
    const keys = allPairings(users.slice(0, 4)).map((pairing) => JSON.stringify(pairing));
    expect(new Set(keys).size).toBe(keys.length);
    for (const pairing of allPairings(users)) {
      const members = pairing.flat();
      expect(new Set(members).size).toBe(members.length);
    }
  });

  it('nests strongest-with-weakest pairs', () => {
    expect(nestedPairings(['s1', 's2', 's3', 's4', 's5'])).toEqual([
      [],
      [['s1', 's5']],
      [
        ['s1', 's5'],
        ['s2', 's4'],
      ],
    ]);
  });

  it('lists favour sets up to a size with unit weights, and the α grid inside (0, 1)', () => {
    expect(favourSubsets(['a', 'b', 'c', 'd'], 2)).toHaveLength(4 + 6);
    expect(favourSubsets(['a', 'b', 'c'], 3)).toHaveLength(7);
    expect(favourSubsets(['a', 'b'], 2)[2]).toEqual({
      favour: [
        { vehicleId: 'a', weight: 1 },
        { vehicleId: 'b', weight: 1 },
      ],
    });
    expect(ALPHA_GRID).toHaveLength(19);
    expect(ALPHA_GRID.every((alpha) => alpha > 0 && alpha < 1)).toBe(true);
  });

  it('enumerates accept-or-refuse for every triggered handover', () => {
    const simulation = createSimulation({ seed: 3 });
    for (let step = 0; step < 200; step += 1) {
      const observation = simulation.observe();
      const assignments = handoverAssignments(observation);
      expect(assignments).toHaveLength(handoverAssignmentCount(observation));
      expect(assignments[0]).toEqual({ handovers: [] });
      simulation.step({});
    }
  });
});
