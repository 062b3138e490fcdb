import type { Admission, AdmissionRequest, AdmissionVerdict, RateLimitState } from '@acpt/config';

/**
 * The adapter's default {@link Admission}: in-process token-budget admission from the last rate-limit headers
 * (`x-ratelimit-*-tokens-minute`). A request whose prompt estimate plus maximum completion tokens exceeds what is left
 * this minute is told to wait for the reset instead of provoking a 429. Admitted requests reserve their cost locally
 * until fresher headers arrive, so concurrent requests do not all pass on the same stale number. A request larger than
 * the whole per-minute limit is admitted (waiting could not help; the server decides). It knows only its own process:
 * share one budget across processes with `@acpt/campaign`'s Redis admission.
 */
export class TokenAdmission implements Admission {
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

  /** Asks whether `request.tokens` may be sent at `request.nowMs`; reserves them when admitted. */
  admit(request: AdmissionRequest): AdmissionVerdict {
    const { tokens: neededTokens, nowMs } = request;
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
    return {
      admit: false,
      waitMs: this.#resetAtMs - nowMs,
      neededTokens,
      remainingTokens: remaining,
      window: 'tokens-minute',
    };
  }
}
