import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCapacityQueue } from './capacity-queue.ts';

describe('the capacity queue of the load model', () => {
  it('serves up to the slots, queues up to the limit in arrival order, refuses beyond', () => {
    const queue = createCapacityQueue({ slots: 2, queueLimit: 2 });
    const started: string[] = [];
    const tickets = ['a', 'b', 'c', 'd'].map((name) => queue.enter(() => started.push(name)));
    expect(started).toEqual(['a', 'b']);
    expect(queue.enter(() => started.push('e'))).toBeUndefined();
    expect({ busy: queue.busy, waiting: queue.waiting, refused: queue.refused }).toEqual({
      busy: 2,
      waiting: 2,
      refused: 1,
    });
    tickets[0]?.release();
    expect(started).toEqual(['a', 'b', 'c']);
    tickets[3]?.release(); // d leaves the queue before its turn: never started
    tickets[1]?.release();
    tickets[2]?.release();
    tickets[2]?.release();
    expect(started).toEqual(['a', 'b', 'c']);
    expect({ busy: queue.busy, waiting: queue.waiting }).toEqual({ busy: 0, waiting: 0 });
  });

  it('never serves more than its slots, starts each arrival at most once, and drains (random arrivals and releases)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.oneof(fc.constant('enter' as const), fc.nat({ max: 20 })), { maxLength: 60 }),
        (slots, queueLimit, script) => {
          const queue = createCapacityQueue({ slots, queueLimit });
          const starts = new Map<number, number>();
          const tickets: { id: number; release(): void }[] = [];
          let id = 0;
          for (const step of script) {
            if (step === 'enter') {
              const mine = id++;
              const ticket = queue.enter(() => starts.set(mine, (starts.get(mine) ?? 0) + 1));
              if (ticket) tickets.push({ id: mine, release: () => ticket.release() });
            } else tickets[step % Math.max(1, tickets.length)]?.release();
            expect(queue.busy).toBeLessThanOrEqual(slots);
            expect(queue.waiting).toBeLessThanOrEqual(queueLimit);
            if (queue.waiting > 0) expect(queue.busy).toBe(slots);
          }
          for (const ticket of tickets) ticket.release();
          expect([...starts.values()].every((count) => count === 1)).toBe(true);
          expect({ busy: queue.busy, waiting: queue.waiting }).toEqual({ busy: 0, waiting: 0 });
        },
      ),
    );
  });
});
