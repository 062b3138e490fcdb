import type { AdapterEventListener, AdapterEventMap, AdapterEventName, AdapterEventSource } from '@acpt/config';

/** A minimal adapter event source for tests: `emit` calls the listeners synchronously, as the adapter does. */
export class FakeEventSource implements AdapterEventSource {
  readonly #listeners = new Map<AdapterEventName, Set<(event: never) => void>>();

  on<TName extends AdapterEventName>(name: TName, listener: AdapterEventListener<TName>): () => void {
    let set = this.#listeners.get(name);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(name, set);
    }
    set.add(listener as (event: never) => void);
    return () => set.delete(listener as (event: never) => void);
  }

  emit<TName extends AdapterEventName>(name: TName, event: AdapterEventMap[TName]): void {
    for (const listener of this.#listeners.get(name) ?? []) (listener as AdapterEventListener<TName>)(event);
  }

  /** Listeners attached, over every event name. */
  get listenerCount(): number {
    let count = 0;
    for (const set of this.#listeners.values()) count += set.size;
    return count;
  }
}
