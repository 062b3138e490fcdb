import { getEventListeners } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AbortWatcher, createReusableAbortController, unwatchAbort, watchAbort } from './abort-watch.ts';

function counter(): AbortWatcher & { calls: number } {
  return {
    calls: 0,
    handleEvent() {
      this.calls++;
    },
  };
}

describe('abort watch', () => {
  it('watches a reusable signal through its slot without adding a listener, call after call', () => {
    const controller = createReusableAbortController();
    const first = counter();
    const second = counter();
    watchAbort(controller.signal, first);
    unwatchAbort(controller.signal, first);
    watchAbort(controller.signal, second);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort(new Error('stop'));
    expect(first.calls).toBe(0);
    expect(second.calls).toBe(1);
  });

  it('falls back to an ordinary listener on a plain signal, or when the slot is taken', () => {
    const plain = new AbortController();
    const watcher = counter();
    watchAbort(plain.signal, watcher);
    expect(getEventListeners(plain.signal, 'abort')).toHaveLength(1);
    unwatchAbort(plain.signal, watcher);
    expect(getEventListeners(plain.signal, 'abort')).toHaveLength(0);
    const reusable = createReusableAbortController();
    const [holder, extra] = [counter(), counter()];
    watchAbort(reusable.signal, holder);
    watchAbort(reusable.signal, extra);
    expect(getEventListeners(reusable.signal, 'abort')).toHaveLength(2);
    reusable.abort();
    expect([holder.calls, extra.calls]).toEqual([1, 1]);
  });

  it('calls exactly the watchers still watching when the signal aborts, once each (any order of calls)', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('watch' as const), watcher: fc.nat(4) }),
      fc.record({ kind: fc.constant('unwatch' as const), watcher: fc.nat(4) }),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(operation, { maxLength: 30 }), (reusable, operations) => {
        const controller = reusable ? createReusableAbortController() : new AbortController();
        const watchers = Array.from({ length: 5 }, counter);
        const watching = new Set<number>();
        for (const { kind, watcher } of operations) {
          // A call watches once and unwatches once (as the transport's handlers do).
          if (kind === 'watch' && !watching.has(watcher)) {
            watchAbort(controller.signal, watchers[watcher] as AbortWatcher);
            watching.add(watcher);
          } else if (kind === 'unwatch' && watching.has(watcher)) {
            unwatchAbort(controller.signal, watchers[watcher] as AbortWatcher);
            watching.delete(watcher);
          }
        }
        controller.abort();
        controller.abort();
        watchers.forEach((watcher, index) => {
          expect(watcher.calls).toBe(watching.has(index) ? 1 : 0);
        });
      }),
    );
  });
});
