/** The most seeds one `--seeds` list may name (a guard against a typo such as `1..1e9`). */
export const MAX_SEEDS = 10_000;

/** A seed list that could not be read: every problem found, each naming the part it is about. */
export class SeedListError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`--seeds: ${problems.join('; ')}`);
    this.name = 'SeedListError';
    this.problems = problems;
  }
}

const SEED_PATTERN = /^\d+$/;

/**
 * Parses a seed list: comma-separated seeds and inclusive ranges, e.g. `1..20`, `1,4,9` or `1..5,9,20..22`. Seeds are
 * non-negative safe integers; the result is sorted and has no duplicates. Every problem is collected (empty parts,
 * non-integers, reversed ranges, repeated seeds, too many seeds) and reported together.
 * @throws {SeedListError} listing every problem
 */
export function parseSeedList(text: string): number[] {
  const problems: string[] = [];
  const seeds: number[] = [];
  const parts = text.split(',');
  if (text.trim() === '') throw new SeedListError(['the list is empty (e.g. 1..20 or 1,4,9)']);
  for (const [index, rawPart] of parts.entries()) {
    const part = rawPart.trim();
    const where = `part ${index + 1} ${JSON.stringify(rawPart)}`;
    if (part === '') {
      problems.push(`${where} is empty`);
      continue;
    }
    const bounds = part.split('..');
    if (bounds.length > 2) {
      problems.push(`${where} is not a seed or a range FROM..TO`);
      continue;
    }
    const values = bounds.map((bound) => seedValue(bound.trim()));
    const bad = bounds.filter((_bound, position) => values[position] === undefined);
    if (bad.length > 0) {
      problems.push(
        `${where}: ${bad.map((bound) => JSON.stringify(bound)).join(' and ')} is not a non-negative integer`,
      );
      continue;
    }
    const from = values[0]!;
    const to = values[1] ?? from;
    if (from > to) {
      problems.push(`${where} is a reversed range (write ${to}..${from})`);
      continue;
    }
    if (to - from + 1 > MAX_SEEDS) {
      problems.push(`${where} names ${to - from + 1} seeds, more than the ${MAX_SEEDS} allowed`);
      continue;
    }
    for (let seed = from; seed <= to; seed += 1) seeds.push(seed);
  }
  const repeated = [...new Set(seeds.filter((seed, index) => seeds.indexOf(seed) !== index))];
  if (repeated.length > 0) problems.push(`seed${repeated.length > 1 ? 's' : ''} ${repeated.join(', ')} named twice`);
  if (problems.length === 0 && seeds.length > MAX_SEEDS) problems.push(`${seeds.length} seeds, more than ${MAX_SEEDS}`);
  if (problems.length > 0) throw new SeedListError(problems);
  return seeds.sort((left, right) => left - right);
}

function seedValue(text: string): number | undefined {
  if (!SEED_PATTERN.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
