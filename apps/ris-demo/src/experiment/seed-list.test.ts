import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSeedList, SeedListError } from './seed-list.ts';

describe('parseSeedList', () => {
  it('reads ranges and lists, sorted', () => {
    expect(parseSeedList('1..5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseSeedList('9,1,4')).toEqual([1, 4, 9]);
    expect(parseSeedList('0..2, 7 ,10..11')).toEqual([0, 1, 2, 7, 10, 11]);
    expect(parseSeedList('3..3')).toEqual([3]);
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      parseSeedList('1..x,,5..2,-3,2,2,1.5,1..2..3');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SeedListError);
    expect((error as SeedListError).problems).toEqual([
      'part 1 "1..x": "x" is not a non-negative integer',
      'part 2 "" is empty',
      'part 3 "5..2" is a reversed range (write 2..5)',
      'part 4 "-3": "-3" is not a non-negative integer',
      'part 7 "1.5": "1.5" is not a non-negative integer',
      'part 8 "1..2..3" is not a seed or a range FROM..TO',
      'seed 2 named twice',
    ]);
    expect(() => parseSeedList('')).toThrow('the list is empty');
    expect(() => parseSeedList('0..20000')).toThrow('more than the 10000 allowed');
  });

  it('round-trips any set of seeds written as a list', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 40 }), (seeds) => {
        expect(parseSeedList(seeds.join(','))).toEqual([...seeds].sort((a, b) => a - b));
      }),
    );
  });
});
