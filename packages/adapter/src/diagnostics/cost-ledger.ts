import type { Cost } from '@acpt/config';

const maxModels = 64;
const maxAttributeNames = 16;
const maxAttributeValues = 128;
const overflow = '_other';

/** Spend of one model. */
export interface ModelCost {
  /** USD of priced requests. */
  readonly usd: number;
  /** Requests that billed something at a known price. */
  readonly pricedRequests: number;
  /** Live requests whose model had no price (their cost is unknown, not 0). */
  readonly unpricedRequests: number;
}

/** What `diagnostics().cost` reports. */
export interface CostDiagnostics {
  readonly currency: 'USD';
  /** USD billed by live requests at known prices (failed attempts that billed included). */
  readonly totalUsd: number;
  /** Live answers with a known price. */
  readonly pricedRequests: number;
  /** Live answers with no price (or no reported usage): `totalUsd` leaves them out. */
  readonly unpricedRequests: number;
  /** Requests answered by the mock (mock mode or fallback): they cost 0. */
  readonly mockRequests: number;
  /** Estimate: what the mock's (estimated) tokens would cost at the list price of the requested model. */
  readonly mockListPriceUsd: number;
  /** By requested model (at most 64, then `_other`). */
  readonly byModel: Readonly<Record<string, ModelCost>>;
  /**
   * Billed USD by the caller's `attributes` (e.g. `agent`, `scenario`): attribute name → value → USD. At most 16
   * names and 128 values each; the rest is summed under `_other`.
   */
  readonly byAttribute: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Estimate: `mockListPriceUsd` broken down the same way (what mock answers would cost at list price). */
  readonly mockListPriceByAttribute: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

type AttributeTotals = Map<string, Map<string, number>>;

interface MutableModelCost {
  usd: number;
  pricedRequests: number;
  unpricedRequests: number;
}

/** Cost totals and breakdowns in bounded memory. */
export class CostLedger {
  totalUsd = 0;
  pricedRequests = 0;
  unpricedRequests = 0;
  mockRequests = 0;
  mockListPriceUsd = 0;
  readonly #byModel = new Map<string, MutableModelCost>();
  readonly #byAttribute: AttributeTotals = new Map();
  readonly #mockByAttribute: AttributeTotals = new Map();

  /**
   * Adds one settled request's cost. Only answered requests count as priced, unpriced or mock answers; a failed
   * request adds only what its attempts billed.
   */
  add(
    model: string,
    cost: Cost,
    attributes: Readonly<Record<string, string | number | boolean>> | undefined,
    answered: boolean,
  ): void {
    const entry = this.#model(model);
    const usd = cost.usd ?? 0;
    if (!answered) {
      // Counted below only if it billed something.
    } else if (cost.source === 'mock') {
      this.mockRequests++;
      const estimate = cost.listPriceUsd ?? 0;
      this.mockListPriceUsd += estimate;
      if (attributes !== undefined && estimate > 0) addByAttribute(this.#mockByAttribute, attributes, estimate);
    } else if (cost.usd === null) {
      this.unpricedRequests++;
      entry.unpricedRequests++;
    } else {
      this.pricedRequests++;
      entry.pricedRequests++;
    }
    if (usd <= 0) return;
    this.totalUsd += usd;
    entry.usd += usd;
    if (attributes !== undefined) addByAttribute(this.#byAttribute, attributes, usd);
  }

  /** The JSON-serialisable view. */
  snapshot(): CostDiagnostics {
    const byModel: Record<string, ModelCost> = {};
    for (const [model, entry] of this.#byModel) byModel[model] = { ...entry };
    return {
      currency: 'USD',
      totalUsd: this.totalUsd,
      pricedRequests: this.pricedRequests,
      unpricedRequests: this.unpricedRequests,
      mockRequests: this.mockRequests,
      mockListPriceUsd: this.mockListPriceUsd,
      byModel,
      byAttribute: plain(this.#byAttribute),
      mockListPriceByAttribute: plain(this.#mockByAttribute),
    };
  }

  #model(model: string): MutableModelCost {
    let entry = this.#byModel.get(model);
    if (entry === undefined) {
      const key = this.#byModel.size < maxModels ? model : overflow;
      entry = this.#byModel.get(key);
      if (entry === undefined) {
        entry = { usd: 0, pricedRequests: 0, unpricedRequests: 0 };
        this.#byModel.set(key, entry);
      }
    }
    return entry;
  }
}

function addByAttribute(
  totals: AttributeTotals,
  attributes: Readonly<Record<string, string | number | boolean>>,
  usd: number,
): void {
  for (const name in attributes) {
    let values = totals.get(name);
    if (values === undefined) {
      const key = totals.size < maxAttributeNames ? name : overflow;
      values = totals.get(key) ?? new Map<string, number>();
      totals.set(key, values);
    }
    const value = String(attributes[name]);
    const slot = values.has(value) || values.size < maxAttributeValues ? value : overflow;
    values.set(slot, (values.get(slot) ?? 0) + usd);
  }
}

function plain(totals: AttributeTotals): Record<string, Record<string, number>> {
  const result: Record<string, Record<string, number>> = {};
  for (const [name, values] of totals) result[name] = Object.fromEntries(values);
  return result;
}
