import type { AdapterDiagnostics } from '@acpt/adapter';
import { type PriceSource, type PriceSummary, type ResolvedPrice, summarizePrice } from '@acpt/config';
import { formatCount as int } from './report-format.ts';

/** What a load test cost, and what the figure is. */
export interface LoadtestCost {
  /** `mock-server`: the mock server's token counts at the price (nothing billed); `endpoint`: a real endpoint's. */
  readonly basis: 'mock-server' | 'endpoint';
  readonly model: string;
  /** The price used, in USD per million tokens, and its source; `null` when the model has none. */
  readonly price: PriceSummary | null;
  /** USD of the live answers (and billed failed attempts). */
  readonly totalUsd: number;
  /** Live requests priced and not priced (their cost is unknown, not 0). */
  readonly pricedRequests: number;
  readonly unpricedRequests: number;
  /** `totalUsd` per priced live request; `null` without one. */
  readonly usdPerLiveRequest: number | null;
  /** Requests the mock fallback answered: they cost 0; at list price they would have cost `mockListPriceUsd`. */
  readonly fallbackRequests: number;
  readonly fallbackListPriceUsd: number;
  /** Warnings of the price resolver (an unreachable or malformed catalogue). */
  readonly warnings: readonly string[];
}

/** Builds the cost section from the adapter's diagnostics and the price in force at the end. */
export function buildLoadtestCost(inputs: {
  readonly model: string;
  readonly diagnostics: AdapterDiagnostics;
  readonly price: ResolvedPrice | undefined;
  readonly againstMockServer: boolean;
  readonly warnings: readonly string[];
}): LoadtestCost {
  const { cost } = inputs.diagnostics;
  return {
    basis: inputs.againstMockServer ? 'mock-server' : 'endpoint',
    model: inputs.model,
    price: summarizePrice(inputs.price),
    totalUsd: cost.totalUsd,
    pricedRequests: cost.pricedRequests,
    unpricedRequests: cost.unpricedRequests,
    usdPerLiveRequest: cost.pricedRequests > 0 ? cost.totalUsd / cost.pricedRequests : null,
    fallbackRequests: cost.mockRequests,
    fallbackListPriceUsd: cost.mockListPriceUsd,
    warnings: [...inputs.warnings],
  };
}

const sourceWords: Readonly<Record<PriceSource, string>> = {
  configuration: 'configured price',
  catalogue: 'served catalogue price',
  default: 'built-in list price',
};

/** USD as the reports print it: cents from $1 up, four significant digits below (sub-cent figures stay readable). */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  const digits = Math.min(12, 3 - Math.floor(Math.log10(usd)));
  return `$${usd.toFixed(digits).replace(/0+$/, '')}`;
}

/** The cost paragraph of the markdown and HTML reports: the figures and where they come from. */
export function describeLoadtestCost(cost: LoadtestCost): string {
  const price = cost.price;
  if (price === null) {
    return (
      `Cost unknown: ${cost.model} has no price (not configured, not in the served catalogue, no built-in ` +
      `default); ${int(cost.unpricedRequests)} live answers unpriced. Set "pricing" or ACPT_PRICING.`
    );
  }
  const when = price.effectiveFrom === undefined ? '' : ` of ${price.effectiveFrom}`;
  const rate =
    `${formatUsd(price.inputUsdPerMillion)} input / ${formatUsd(price.outputUsdPerMillion)} output per million ` +
    `tokens (${sourceWords[price.source]}${when})`;
  const basis =
    cost.basis === 'mock-server'
      ? `Estimate at list price: the mock server's token counts × ${cost.model} at ${rate}; nothing was billed`
      : `Estimate of the bill: the endpoint's reported usage × ${cost.model} at ${rate}`;
  const perRequest =
    cost.usdPerLiveRequest === null
      ? ''
      : `, ${formatUsd(cost.usdPerLiveRequest)} per live answer (${formatUsd(cost.usdPerLiveRequest * 1000)} per 1,000)`;
  const unpriced = cost.unpricedRequests > 0 ? ` ${int(cost.unpricedRequests)} live answers had no price.` : '';
  const fallback =
    cost.fallbackRequests > 0
      ? ` ${int(cost.fallbackRequests)} fallback answers cost 0 (at list price: ${formatUsd(cost.fallbackListPriceUsd)}).`
      : '';
  const warnings = cost.warnings.length > 0 ? ` Pricing warnings: ${cost.warnings.join(' ')}` : '';
  return (
    `${basis}. ${formatUsd(cost.totalUsd)} for ${int(cost.pricedRequests)} live answers${perRequest}.` +
    `${unpriced}${fallback}${warnings}`
  );
}
