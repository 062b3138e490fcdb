import {
  type AdapterEventSource,
  type CostSource,
  type PriceSummary,
  type ResolvedPrice,
  summarizePrice,
} from '@acpt/config';

/** What the agent run cost, in `summary.json`, and what the figure is. */
export interface RunCost {
  /**
   * `billed`: live answers' billed tokens at the model's price. `estimate at list price`: the mock's (or a replayed
   * cassette's) token counts at the list price of the named model; nothing was billed.
   */
  readonly basis: 'billed' | 'estimate at list price';
  /** One line saying what the figure is, for the console and the report. */
  readonly label: string;
  readonly model: string;
  /** The price used (USD per million tokens) and its source; `null` when the model has none. */
  readonly price: PriceSummary | null;
  /** USD of the run (`null` when unknown). */
  readonly usd: number | null;
  /** USD per simulated second of the agent run. */
  readonly usdPerSimulatedSecond: number | null;
  /** USD by agent (`all` for templated batches), same basis. */
  readonly byAgent: Readonly<Record<string, number>>;
  /** Live mode: answers the mock fallback gave (cost 0) and what they would have cost at list price. */
  readonly fallbackAnswers: number;
  readonly fallbackListPriceUsd: number;
}

/** Sums the cost of the adapter's answers from its `request-end` events, by the `agent` attribute. */
export interface RunCostLog {
  /** The run's cost. */
  summary(options: {
    readonly mode: 'mock' | 'live' | 'replay';
    readonly model: string;
    readonly price: ResolvedPrice | undefined;
    readonly simulatedSeconds: number;
  }): RunCost;
  /** Stops listening. */
  dispose(): void;
}

const sourceWords: Readonly<Record<ResolvedPrice['source'], string>> = {
  configuration: 'configured price',
  catalogue: 'served catalogue price',
  default: 'built-in list price',
};

/** Starts summing the cost of every answer of `source` (an adapter). */
export function createRunCostLog(source: AdapterEventSource): RunCostLog {
  const agents = new Map<string, string>();
  const billed = new Map<string, number>();
  const estimated = new Map<string, number>();
  let unknown = false;
  let fallbackAnswers = 0;
  let fallbackListPriceUsd = 0;
  let liveAnswers = 0;
  const add = (map: Map<string, number>, agent: string, usd: number): void => {
    map.set(agent, (map.get(agent) ?? 0) + usd);
  };
  const offStart = source.on('request-start', (event) => {
    agents.set(event.requestId, String(event.attributes?.['agent'] ?? 'unknown'));
  });
  const offEnd = source.on('request-end', (event) => {
    const agent = agents.get(event.requestId) ?? 'unknown';
    agents.delete(event.requestId);
    const cost = event.cost;
    if (cost === undefined) return;
    const mockAnswer: boolean = (cost.source satisfies CostSource) === 'mock';
    if (mockAnswer) {
      add(estimated, agent, cost.listPriceUsd ?? 0);
      if (cost.listPriceUsd === null) unknown = true;
      if (event.fallbackReason !== undefined) {
        fallbackAnswers += 1;
        fallbackListPriceUsd += cost.listPriceUsd ?? 0;
      }
    } else if (event.outcome === 'success') liveAnswers += 1;
    if (cost.usd === null) unknown = true;
    else if (cost.usd > 0) add(billed, agent, cost.usd);
  });
  return {
    summary({ mode, model, price, simulatedSeconds }) {
      const live = mode === 'live';
      const byAgent = Object.fromEntries([...(live ? billed : estimated)].sort(([a], [b]) => a.localeCompare(b)));
      const total = Object.values(byAgent).reduce((sum, usd) => sum + usd, 0);
      const usd = price === undefined || unknown ? null : total;
      const rate =
        price === undefined
          ? `${model} has no price (set "pricing" or ACPT_PRICING)`
          : `${model} at $${price.inputUsdPerMillion} input / $${price.outputUsdPerMillion} output per million tokens ` +
            `(${sourceWords[price.source]}${price.effectiveFrom === undefined ? '' : ` of ${price.effectiveFrom}`})`;
      const label = live
        ? `billed tokens of ${liveAnswers} live answers × ${rate}`
        : `estimate at list price: the ${mode === 'mock' ? "mock's estimated" : "cassette's recorded"} token counts × ${rate}; nothing was billed`;
      return {
        basis: live ? 'billed' : 'estimate at list price',
        label,
        model,
        price: summarizePrice(price),
        usd,
        usdPerSimulatedSecond: usd === null || simulatedSeconds <= 0 ? null : usd / simulatedSeconds,
        byAgent,
        fallbackAnswers: live ? fallbackAnswers : 0,
        fallbackListPriceUsd: live ? fallbackListPriceUsd : 0,
      };
    },
    dispose() {
      offStart();
      offEnd();
    },
  };
}
