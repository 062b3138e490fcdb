import { BUILT_IN_PRICES, type BuiltInPrice } from './built-in-prices.ts';
import type { ModelPrice, ResolvedPrice } from './model-price.ts';

/** A served price list, e.g. the Cerebras catalogue `GET /v1/models?format=openrouter`. */
export interface PriceCatalogue {
  /**
   * The prices the endpoint serves, by model id, in USD per million tokens. Rejects when the catalogue is
   * unreachable or its pricing is malformed.
   */
  fetchPrices(options?: { readonly signal?: AbortSignal }): Promise<ReadonlyMap<string, ModelPrice>>;
}

/**
 * The one way prices enter the family: a synchronous lookup on the hot path over three sources, in order of
 * precedence — the configuration, the served catalogue (cached with a TTL and refreshed in the background), and the
 * built-in defaults. A model none of them prices has no price: its cost is unknown (`null`), never 0.
 */
export interface PriceResolver {
  /** The price of `model` now, or `undefined` (warned once per model). Never blocks, never throws. */
  priceOf(model: string): ResolvedPrice | undefined;
  /** Fetches the catalogue now (when there is one); resolves when done and never rejects. */
  refresh(): Promise<void>;
  /** Replaces the configured prices (what `configure({ pricing })` changes). */
  setConfigured(pricing: Readonly<Record<string, ModelPrice>>): void;
}

/** Options of {@link createPriceResolver}. */
export interface PriceResolverOptions {
  /** Prices from the configuration (`config.pricing`). @defaultValue {} */
  readonly configured?: Readonly<Record<string, ModelPrice>>;
  /** The served catalogue, when there is one (the live transport's). */
  readonly catalogue?: PriceCatalogue;
  /** How long catalogue prices are used before a background refresh, in ms. @defaultValue 600000 (10 minutes) */
  readonly catalogueTtlMs?: number;
  /** Built-in prices. @defaultValue BUILT_IN_PRICES */
  readonly defaults?: Readonly<Record<string, BuiltInPrice>>;
  /** Epoch ms. @defaultValue Date.now */
  readonly clock?: () => number;
  /**
   * Receives each warning once: a model without a price, an unreachable or malformed catalogue.
   * @defaultValue `process.emitWarning` with code `ACPT_PRICING`
   */
  readonly onWarning?: (message: string) => void;
}

function emitPricingWarning(message: string): void {
  process.emitWarning(message, { code: 'ACPT_PRICING' });
}

function resolved(model: string, price: ModelPrice, source: ResolvedPrice['source']): ResolvedPrice {
  return Object.freeze({ ...price, currency: 'USD', model, source });
}

class LayeredPriceResolver implements PriceResolver {
  #configured = new Map<string, ResolvedPrice>();
  #catalogue = new Map<string, ResolvedPrice>();
  readonly #defaults = new Map<string, ResolvedPrice>();
  readonly #source: PriceCatalogue | undefined;
  readonly #ttlMs: number;
  readonly #clock: () => number;
  readonly #warn: (message: string) => void;
  readonly #warned = new Set<string>();
  #fetchedAtMs = Number.NEGATIVE_INFINITY;
  #refreshing: Promise<void> | undefined;

  constructor(options: PriceResolverOptions) {
    this.#source = options.catalogue;
    this.#ttlMs = options.catalogueTtlMs ?? 600_000;
    this.#clock = options.clock ?? Date.now;
    this.#warn = options.onWarning ?? emitPricingWarning;
    for (const [model, price] of Object.entries(options.defaults ?? BUILT_IN_PRICES)) {
      this.#defaults.set(model, resolved(model, price, 'default'));
    }
    this.setConfigured(options.configured ?? {});
  }

  priceOf(model: string): ResolvedPrice | undefined {
    const configured = this.#configured.get(model);
    if (configured !== undefined) return configured;
    if (this.#source !== undefined && this.#clock() - this.#fetchedAtMs >= this.#ttlMs) void this.refresh();
    const price = this.#catalogue.get(model) ?? this.#defaults.get(model);
    if (price === undefined) this.#warnOnce(`model:${model}`, unpricedMessage(model));
    return price;
  }

  refresh(): Promise<void> {
    const source = this.#source;
    if (source === undefined) return Promise.resolve();
    this.#refreshing ??= this.#fetch(source).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  setConfigured(pricing: Readonly<Record<string, ModelPrice>>): void {
    const next = new Map<string, ResolvedPrice>();
    for (const [model, price] of Object.entries(pricing)) next.set(model, resolved(model, price, 'configuration'));
    this.#configured = next;
  }

  async #fetch(source: PriceCatalogue): Promise<void> {
    // Stamped before the fetch: a failing catalogue is asked again only after another TTL, never per request.
    this.#fetchedAtMs = this.#clock();
    try {
      const prices = await source.fetchPrices();
      const next = new Map<string, ResolvedPrice>();
      for (const [model, price] of prices) next.set(model, resolved(model, price, 'catalogue'));
      this.#catalogue = next;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.#warnOnce(
        'catalogue',
        `The price catalogue could not be read (${reason}); configured and built-in prices stay in use`,
      );
    }
  }

  #warnOnce(key: string, message: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    this.#warn(message);
  }
}

function unpricedMessage(model: string): string {
  return (
    `Model "${model}" has no price (not configured, not in the served catalogue, no built-in default): its cost is ` +
    'reported as unknown (null). Set pricing in the configuration or ACPT_PRICING.'
  );
}

/**
 * Creates the price resolver: configuration first, then the served catalogue, then the built-in defaults.
 *
 * @example
 * ```ts
 * const prices = createPriceResolver({ configured: config.pricing, catalogue: transport.priceCatalogue });
 * await prices.refresh();
 * prices.priceOf('gpt-oss-120b'); // { inputUsdPerMillion: 0.35, outputUsdPerMillion: 0.75, source: 'catalogue', … }
 * ```
 */
export function createPriceResolver(options: PriceResolverOptions = {}): PriceResolver {
  return new LayeredPriceResolver(options);
}
