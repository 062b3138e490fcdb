import type { AdapterEventListener, AdapterEventMap, AdapterEventName, AdapterEventSource } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { countAdapterEvents } from './adapter-witness.ts';

/** A hand-driven event source: `emit(name, partial event)`. */
function eventSource(): AdapterEventSource & {
  emit: (name: AdapterEventName, event: object) => void;
  size: () => number;
} {
  const listeners = new Map<string, Set<(event: unknown) => void>>();
  return {
    on<TName extends AdapterEventName>(name: TName, listener: AdapterEventListener<TName>): () => void {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (event: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (event: unknown) => void);
    },
    emit: (name, event) => {
      for (const listener of listeners.get(name) ?? []) listener(event as AdapterEventMap[typeof name]);
    },
    size: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
}

describe('countAdapterEvents', () => {
  it('counts starts and ends by outcome, circuit openings, and fallbacks that never went live', () => {
    const source = eventSource();
    const counter = countAdapterEvents(source);
    for (const requestId of ['a', 'b', 'c', 'd', 'e']) source.emit('request-start', { requestId });
    source.emit('attempt-start', { requestId: 'a', role: 'live' });
    source.emit('request-end', { requestId: 'a', outcome: 'success' });
    source.emit('attempt-start', { requestId: 'b', role: 'live' });
    source.emit('fallback-start', { requestId: 'b' });
    source.emit('request-end', { requestId: 'b', outcome: 'fallback' });
    source.emit('fallback-start', { requestId: 'c' });
    source.emit('request-end', { requestId: 'c', outcome: 'fallback' });
    source.emit('request-end', { requestId: 'd', outcome: 'error' });
    source.emit('request-end', { requestId: 'e', outcome: 'aborted' });
    source.emit('circuit-state', { from: 'closed', to: 'open' });
    source.emit('circuit-state', { from: 'open', to: 'half-open' });
    expect(counter.witness()).toEqual({ name: 'adapter events', submitted: 5, succeeded: 1, fellBack: 2, failed: 2 });
    expect(counter.circuitOpenings).toBe(1);
    expect(counter.fallbacksWithoutLiveAttempt).toBe(1);
    counter.detach();
    expect(source.size()).toBe(0);
  });
});
