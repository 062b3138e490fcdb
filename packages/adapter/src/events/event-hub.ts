import type { AdapterEventListener, AdapterEventMap, AdapterEventName, AdapterEventSource } from '@acpt/config';

type ListenerTable = { [TName in AdapterEventName]?: AdapterEventListener<TName>[] };

/**
 * Synchronous event emitter of the adapter. `has(name)` lets callers skip building an event nobody listens to;
 * a throwing listener is isolated (counted, never rethrown) so it cannot break a request.
 */
export class EventHub implements AdapterEventSource {
  readonly #listeners: ListenerTable = {};
  /** Listener calls that threw. */
  listenerErrors = 0;

  /** Adds a listener; returns a function that removes it. */
  on<TName extends AdapterEventName>(name: TName, listener: AdapterEventListener<TName>): () => void {
    const current = (this.#listeners[name] ?? []) as AdapterEventListener<TName>[];
    // Copy on write: an emit in progress keeps iterating the array it started with.
    (this.#listeners as Record<TName, AdapterEventListener<TName>[]>)[name] = [...current, listener];
    return () => {
      const list = (this.#listeners[name] ?? []) as AdapterEventListener<TName>[];
      const next = list.filter((entry) => entry !== listener);
      if (next.length === 0) delete this.#listeners[name];
      else (this.#listeners as Record<TName, AdapterEventListener<TName>[]>)[name] = next;
    };
  }

  /** True when at least one listener is attached to `name`. */
  has(name: AdapterEventName): boolean {
    return this.#listeners[name] !== undefined;
  }

  /** Calls every listener of `name` with `event`. */
  emit<TName extends AdapterEventName>(name: TName, event: AdapterEventMap[TName]): void {
    const list = this.#listeners[name] as AdapterEventListener<TName>[] | undefined;
    if (list === undefined) return;
    for (const listener of list) {
      try {
        listener(event);
      } catch {
        this.listenerErrors++;
      }
    }
  }

  /** Removes every listener. */
  clear(): void {
    for (const name of Object.keys(this.#listeners)) delete this.#listeners[name as AdapterEventName];
  }
}
