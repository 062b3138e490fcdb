/** Coordinator weights of the three objectives. */
export interface KpiWeights {
  /** Energy: cost, measured as energy per bit (1 / energy efficiency). */
  readonly energy: number;
  /** Fairness: benefit, Jain's index of the per-vehicle rates. */
  readonly fairness: number;
  /** Latency: cost, the simulation's predicted latency proxy. */
  readonly latency: number;
}

/** The default weights: energy 0.5, fairness 0.3, latency 0.2. */
export const DEFAULT_KPI_WEIGHTS: KpiWeights = { energy: 0.5, fairness: 0.3, latency: 0.2 };

/**
 * Normalises weights: non-positive (or non-finite) entries become 0 and the rest are divided by their sum.
 * @throws {RangeError} when no weight is positive
 */
export function normaliseWeights(weights: KpiWeights): KpiWeights {
  const clean = (value: number): number => (Number.isFinite(value) && value > 0 ? value : 0);
  const energy = clean(weights.energy);
  const fairness = clean(weights.fairness);
  const latency = clean(weights.latency);
  const total = energy + fairness + latency;
  if (total <= 0) throw new RangeError('at least one KPI weight must be positive');
  return { energy: energy / total, fairness: fairness / total, latency: latency / total };
}

/**
 * Parses `energy=0.5,fairness=0.3,latency=0.2` (any subset; missing names weigh 0) and normalises it.
 * @throws {RangeError} on unknown or repeated names, non-numbers, negative weights or no positive weight
 */
export function parseKpiWeights(text: string): KpiWeights {
  const weights: Record<keyof KpiWeights, number> = { energy: 0, fairness: 0, latency: 0 };
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const [name, raw] = part.split('=').map((piece) => piece.trim());
    if (name !== 'energy' && name !== 'fairness' && name !== 'latency') {
      throw new RangeError(`unknown KPI weight ${JSON.stringify(name)} (use energy, fairness, latency)`);
    }
    if (seen.has(name)) throw new RangeError(`KPI weight ${name} is given twice`);
    seen.add(name);
    const value = Number(raw);
    if (raw === undefined || raw === '' || !Number.isFinite(value)) {
      throw new RangeError(`KPI weight ${name} must be a number, got ${JSON.stringify(raw)}`);
    }
    if (value < 0) throw new RangeError(`KPI weight ${name} must not be negative, got ${raw}`);
    weights[name] = value;
  }
  return normaliseWeights(weights);
}
