/**
 * The longest delay a Node timer honours: 2^31 − 1 ms, about 24.8 days. Node turns a longer `setTimeout` delay
 * into 1 ms (with a warning), so a "600h" timeout would fire at once. Refuse or split anything longer.
 */
export const MAX_TIMER_MS: number = 2_147_483_647;

/** {@link MAX_TIMER_MS} in words, for error messages. */
export function describeTimerLimit(): string {
  return `${MAX_TIMER_MS} ms (about 24.8 days, the longest Node timer)`;
}
