/** The only currency prices and costs are kept in. */
export type Currency = 'USD';

/**
 * Where a price came from, in order of precedence: the configuration (`pricing`, `ACPT_PRICING`, overrides), the
 * served catalogue (`GET /v1/models?format=openrouter`), or the built-in defaults of `BUILT_IN_PRICES`.
 */
export type PriceSource = 'configuration' | 'catalogue' | 'default';

/** The price of one model, in USD per million tokens. Reasoning tokens bill as output tokens. */
export interface ModelPrice {
  /** USD per million uncached input (prompt) tokens. */
  readonly inputUsdPerMillion: number;
  /** USD per million cached input tokens. @defaultValue the input price (no discount assumed) */
  readonly cachedInputUsdPerMillion?: number;
  /** USD per million output tokens, reasoning included. */
  readonly outputUsdPerMillion: number;
  /** The day the price took effect (`YYYY-MM-DD`), when known. */
  readonly effectiveFrom?: string;
  /** Always `USD`. @defaultValue 'USD' */
  readonly currency?: Currency;
}

/** A price together with the model it is for and where it came from. */
export interface ResolvedPrice extends ModelPrice {
  /** The model id. */
  readonly model: string;
  /** Where the price came from. */
  readonly source: PriceSource;
  /** Public reference of a built-in price (a URL or document name), when there is one. */
  readonly reference?: string;
}
