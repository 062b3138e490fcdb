import type { SpendLimitKind, SpendRefusal } from '../spend/spend-limiter.ts';
import { AcptError, hasMarker, markError } from './acpt-error.ts';

const marker = Symbol.for('acpt.error.SpendLimitError');

function describeRefusal(refusal: SpendRefusal, model: string): string {
  const usd = (value: number): string => `$${value.toFixed(6).replace(/\.?0+$/, '')}`;
  if (refusal.limit === 'unpriced') {
    return (
      `A spend limit is set but model "${model}" has no price, so the request's cost cannot be checked; ` +
      'set pricing in the configuration or ACPT_PRICING'
    );
  }
  const field = refusal.limit === 'total' ? 'spend.maxUsd' : 'spend.maxUsdPerHour';
  const window = refusal.limit === 'total' ? 'spent' : 'spent in the last hour';
  return (
    `Spend limit ${field} (${usd(refusal.limitUsd)}) would be crossed: ${usd(refusal.spentUsd)} ${window}, ` +
    `${usd(refusal.reservedUsd)} reserved by requests in flight, and this request may cost up to ` +
    `${usd(refusal.requestedUsd)}; raise ${field} or lower maxCompletionTokens`
  );
}

/** A request was refused because its worst-case cost would cross a spend limit (`spend.maxUsd`, `maxUsdPerHour`). */
export class SpendLimitError extends AcptError {
  /** The limit that refused it. */
  readonly limit: SpendLimitKind;
  /** The limit's value in USD. */
  readonly limitUsd: number;
  /** USD spent in the limit's window when it was refused. */
  readonly spentUsd: number;
  /** USD reserved by requests in flight. */
  readonly reservedUsd: number;
  /** The request's worst-case USD. */
  readonly requestedUsd: number;

  constructor(refusal: SpendRefusal, model: string, options: { readonly cause?: unknown } = {}) {
    super('ACPT_SPEND_LIMIT', describeRefusal(refusal, model), { cause: options.cause, retryable: false });
    this.name = 'SpendLimitError';
    this.limit = refusal.limit;
    this.limitUsd = refusal.limitUsd;
    this.spentUsd = refusal.spentUsd;
    this.reservedUsd = refusal.reservedUsd;
    this.requestedUsd = refusal.requestedUsd;
    markError(this, marker);
  }

  /** True for any `SpendLimitError`, across duplicate installs. */
  static override isInstance(error: unknown): error is SpendLimitError {
    return hasMarker(error, marker);
  }
}
