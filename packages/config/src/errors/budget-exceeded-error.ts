import { AcptError, hasMarker, markError } from './acpt-error.ts';

const marker = Symbol.for('acpt.error.BudgetExceededError');

/** A hard latency budget ran out (or a wait would not fit in what is left of it). Never retried. */
export class BudgetExceededError extends AcptError {
  /** The budget. */
  readonly budgetMs: number;
  /** Time spent when it was declared exceeded. */
  readonly elapsedMs: number;

  constructor(
    budgetMs: number,
    elapsedMs: number,
    options: { readonly cause?: unknown; readonly message?: string } = {},
  ) {
    super(
      'ACPT_BUDGET_EXCEEDED',
      options.message ?? `Latency budget of ${budgetMs} ms exceeded after ${Math.round(elapsedMs)} ms`,
      {
        cause: options.cause,
        retryable: false,
      },
    );
    this.name = 'BudgetExceededError';
    this.budgetMs = budgetMs;
    this.elapsedMs = elapsedMs;
    markError(this, marker);
  }

  /** True for any `BudgetExceededError`, across duplicate installs. */
  static override isInstance(error: unknown): error is BudgetExceededError {
    return hasMarker(error, marker);
  }
}
