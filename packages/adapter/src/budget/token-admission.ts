import type { RateLimitState } from '@acpt/config';

/** The outcome of asking to send a request of a given token cost. */
export type AdmissionVerdict =
  | { readonly admit: true }
  | {
      readonly admit: false;
      /** How long until the per-minute token window resets, in ms. */
      readonly waitMs: number;
      /** Tokens the request needs. */
      readonly neededTokens: number;
      /** Tokens left in the window, as far as we know. */
      readonly remainingTokens: number;
    };

/**
 * Token-budget admission from the last rate-limit headers (`x-ratelimit-*-tokens-minute`): a request whose prompt
 * estimate plus maximum completion tokens exceeds what is left this minute is told to wait for the reset instead of
 * provoking a 429. Admitted requests reserve their cost locally until fresher headers arrive, so concurrent requests
 * do not all pass on the same stale number. A request larger than the whole per-minute limit is admitted (waiting
 * could not help; the server decides).
 */
export class TokenAdmission {
  #remaining: number | undefined;
  #limit: number | undefined;
  #resetAtMs = 0;

  /** True while a token window is known (admission has something to check). */
  get tracking(): boolean {
    return this.#remaining !== undefined;
  }

  /** Takes in fresh rate-limit headers. */
  observe(state: RateLimitState): void {
    const minute = state.tokens.minute;
    if (minute?.remaining === undefined) return;
    this.#remaining = minute.remaining;
    this.#limit = minute.limit;
    this.#resetAtMs = state.observedAtMs + (minute.resetSeconds ?? 60) * 1000;
  }

  /** Asks whether `neededTokens` may be sent at `nowMs`; reserves them when admitted. */
  admit(neededTokens: number, nowMs: number): AdmissionVerdict {
    const remaining = this.#remaining;
    if (remaining === undefined) return { admit: true };
    if (nowMs >= this.#resetAtMs) {
      // The window has reset: we know nothing until new headers arrive.
      this.#remaining = undefined;
      return { admit: true };
    }
    if (neededTokens <= remaining || (this.#limit !== undefined && neededTokens > this.#limit)) {
      this.#remaining = remaining - neededTokens;
      return { admit: true };
    }
    return { admit: false, waitMs: this.#resetAtMs - nowMs, neededTokens, remainingTokens: remaining };
  }
}
