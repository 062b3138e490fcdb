/**
 * Starts calling `tick` every `intervalMs` and returns a function that stops it. `watchAdapterAlerts` uses one to
 * evaluate between events, so alerts also resolve when traffic stops; inject your own to drive it in tests.
 */
export type AlertTimer = (intervalMs: number, tick: () => void) => () => void;

/** The default {@link AlertTimer}: `setInterval`, unref'd so it never keeps the process alive. */
export const unrefIntervalTimer: AlertTimer = (intervalMs, tick) => {
  const handle = setInterval(tick, intervalMs);
  handle.unref();
  return () => clearInterval(handle);
};
