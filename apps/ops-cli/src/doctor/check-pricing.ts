import { type CerebrasConfig, createPriceResolver, type PriceCatalogue, type ResolvedPrice } from '@acpt/config';
import { type CheckRow, errorText, row } from './check-row.ts';

function describePrice(price: ResolvedPrice): string {
  const source =
    price.source === 'configuration'
      ? 'configuration'
      : price.source === 'catalogue'
        ? 'served catalogue'
        : `built-in list price${price.effectiveFrom === undefined ? '' : ` of ${price.effectiveFrom}`}`;
  return (
    `${price.model}: $${price.inputUsdPerMillion} input, $${price.cachedInputUsdPerMillion ?? price.inputUsdPerMillion} ` +
    `cached input, $${price.outputUsdPerMillion} output per million tokens (${source})`
  );
}

/**
 * Checks that the configured model has a price, and from which source: the configuration, the served catalogue
 * (`GET /v1/models?format=openrouter`, when a transport can read it) or the built-in defaults. A catalogue that
 * cannot be read is reported, never fatal. An unpriced model warns: its cost would be unknown.
 */
export async function checkPricing(
  config: CerebrasConfig,
  catalogue: PriceCatalogue | { readonly notChecked: string },
): Promise<CheckRow> {
  const served = 'fetchPrices' in catalogue ? catalogue : undefined;
  let catalogueProblem: string | undefined;
  const prices = createPriceResolver({
    configured: config.pricing,
    catalogue: served,
    onWarning: (message) => {
      if (message.startsWith('The price catalogue')) catalogueProblem = message;
    },
  });
  try {
    await prices.refresh();
  } catch (error) {
    catalogueProblem = errorText(error);
  }
  const price = prices.priceOf(config.model);
  const note =
    served === undefined
      ? `; served catalogue not checked (${(catalogue as { notChecked: string }).notChecked})`
      : catalogueProblem === undefined
        ? ''
        : `; ${catalogueProblem}`;
  if (price === undefined) {
    return row(
      'pricing',
      'warn',
      `${config.model} has no price: not configured, not in the served catalogue, no built-in default${note}; ` +
        'its cost would be reported as unknown',
      'Set its price: "pricing" in the config file or ACPT_PRICING, e.g. ' +
        `{"${config.model}":{"inputUsdPerMillion":0.35,"outputUsdPerMillion":0.75}}.`,
    );
  }
  return row('pricing', 'pass', `${describePrice(price)}${note}`);
}

/** Checks that a spend limit is set for live mode; without one a runaway run has no cap. */
export function checkSpend(config: CerebrasConfig, appMockMode: boolean | undefined): CheckRow {
  const { maxUsd, maxUsdPerHour } = config.spend;
  const limits = [
    maxUsd === undefined ? undefined : `spend.maxUsd $${maxUsd}`,
    maxUsdPerHour === undefined ? undefined : `spend.maxUsdPerHour $${maxUsdPerHour}`,
  ].filter((text) => text !== undefined);
  if (limits.length > 0) return row('spend', 'pass', `${limits.join(', ')}; refused requests fall back or fail`);
  if (appMockMode === true) {
    return row('spend', 'pass', 'mock mode: nothing is billed (set spend.maxUsd before going live)');
  }
  return row(
    'spend',
    'warn',
    'no spend limit is set for live mode: nothing stops a runaway bill',
    'Set ACPT_SPEND_MAX_USD (lifetime) and/or ACPT_SPEND_MAX_USD_PER_HOUR, or "spend" in the config file.',
  );
}
