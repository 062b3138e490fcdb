/** What watches a signal on behalf of one call: `handleEvent` runs once when the signal aborts. */
export interface AbortWatcher {
  handleEvent(): void;
}

/** The key of the reusable slot a signal from {@link createReusableAbortController} carries. */
const SLOT: unique symbol = Symbol.for('@acpt/config.abort-slot');

/** One permanent `abort` listener that forwards to the watcher of the call in progress, if any. */
class AbortSlot {
  current: AbortWatcher | undefined = undefined;

  handleEvent(): void {
    const watcher = this.current;
    this.current = undefined;
    watcher?.handleEvent();
  }
}

type Slotted = AbortSignal & { readonly [SLOT]?: AbortSlot };

/**
 * An `AbortController` whose signal can be watched by one call at a time without adding an `EventTarget` listener per
 * call: it carries one permanent listener and a slot that {@link watchAbort} fills and {@link unwatchAbort} empties.
 * Meant to be reused for call after call (the adapter pools them) until it aborts. Why: registering an `abort`
 * listener on a fresh per-request `AbortSignal` (or any fresh `EventTarget`) roughly doubles the young-generation GC
 * time of a loaded client and adds mark-compacts (measured in `@acpt/adapter`'s README); filling a slot costs nothing.
 * To everyone else it is an ordinary `AbortController`.
 */
export function createReusableAbortController(): AbortController {
  const controller = new AbortController();
  const slot = new AbortSlot();
  controller.signal.addEventListener('abort', slot);
  Object.defineProperty(controller.signal, SLOT, { value: slot });
  return controller;
}

/**
 * Starts watching `signal` for one call: `watcher.handleEvent()` runs once if it aborts before {@link unwatchAbort}.
 * Uses the signal's reusable slot when it has a free one, else adds `watcher` as an ordinary `abort` listener. The
 * caller checks `signal.aborted` first (an aborted signal never fires again).
 */
export function watchAbort(signal: AbortSignal, watcher: AbortWatcher): void {
  const slot = (signal as Slotted)[SLOT];
  if (slot !== undefined && slot.current === undefined) slot.current = watcher;
  else signal.addEventListener('abort', watcher);
}

/** Stops watching `signal` for `watcher` (empties the slot, or removes the listener); idempotent. */
export function unwatchAbort(signal: AbortSignal, watcher: AbortWatcher): void {
  const slot = (signal as Slotted)[SLOT];
  if (slot !== undefined && slot.current === watcher) slot.current = undefined;
  else signal.removeEventListener('abort', watcher);
}
