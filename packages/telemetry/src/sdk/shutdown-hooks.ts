const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Runs `shutdown` once on `SIGTERM` or `SIGINT` (then re-raises the signal, so the process ends as it would have) or
 * on `beforeExit`.
 */
export function installShutdownHooks(shutdown: () => Promise<unknown>): void {
  let started = false;
  const run = (): Promise<unknown> => {
    started = true;
    return shutdown();
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const name of SIGNALS) process.removeListener(name, onSignal);
    void run().finally(() => process.kill(process.pid, signal));
  };
  for (const name of SIGNALS) process.once(name, onSignal);
  process.once('beforeExit', () => {
    if (!started) void run();
  });
}
