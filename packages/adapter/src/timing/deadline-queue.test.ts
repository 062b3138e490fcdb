import { createVirtualClock } from '@acpt/transport-mock';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DeadlineEntry, DeadlineQueue } from './deadline-queue.ts';
import { timersFromSleep } from './timers.ts';

function entry(fired: Map<string, number>, name: string, now: () => number): DeadlineEntry {
  return {
    dueAtMs: 0,
    deadlineList: undefined,
    deadlinePrevious: undefined,
    deadlineNext: undefined,
    onDeadline() {
      expect(fired.has(name)).toBe(false);
      fired.set(name, now());
    },
  };
}

function setUp() {
  const clock = createVirtualClock();
  const queue = new DeadlineQueue(clock, timersFromSleep(clock.sleep));
  const fired = new Map<string, number>();
  return { clock, queue, fired, make: (name: string) => entry(fired, name, () => clock.now()) };
}

describe('deadline queue', () => {
  it('fires each entry at its own due time with one timer per duration, and holds no timer once empty', async () => {
    const { clock, queue, fired, make } = setUp();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(make) as [DeadlineEntry, DeadlineEntry, DeadlineEntry, DeadlineEntry];
    queue.add(a, 100, clock.now());
    await clock.advance(10);
    queue.add(b, 100, clock.now());
    queue.add(c, 30, clock.now());
    expect(clock.pendingSleeps).toBe(2);
    await clock.advance(20);
    queue.add(d, 100, clock.now());
    queue.remove(a);
    await clock.advance(200);
    expect(Object.fromEntries(fired)).toEqual({ c: 40, b: 110, d: 130 });
    expect(clock.pendingSleeps).toBe(0);
  });

  it('cancels the timer when the last entry leaves, and removing twice is harmless', async () => {
    const { clock, queue, fired, make } = setUp();
    const a = make('a');
    queue.add(a, 50, clock.now());
    queue.remove(a);
    queue.remove(a);
    expect(clock.pendingSleeps).toBe(0);
    await clock.advance(100);
    expect(fired.size).toBe(0);
  });

  it('keeps later entries on time when a firing entry adds another of the same duration', async () => {
    const { clock, queue, fired, make } = setUp();
    const late = make('late');
    const first: DeadlineEntry = {
      ...make('first'),
      onDeadline() {
        fired.set('first', clock.now());
        queue.add(make('added'), 50, clock.now());
      },
    };
    queue.add(first, 50, clock.now());
    await clock.advance(20);
    queue.add(late, 50, clock.now());
    await clock.advance(200);
    expect(Object.fromEntries(fired)).toEqual({ first: 50, late: 70, added: 100 });
    expect(clock.pendingSleeps).toBe(0);
  });

  it('fires exactly the entries not removed before their due time, each once at that time (any schedule)', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), durationMs: fc.constantFrom(10, 25, 60) }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 40 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const { clock, queue, fired, make } = setUp();
        const added: { name: string; entry: DeadlineEntry; dueAtMs: number; removedAtMs?: number }[] = [];
        for (const next of steps) {
          if (next.kind === 'add') {
            const name = `e${added.length}`;
            const created = make(name);
            queue.add(created, next.durationMs, clock.now());
            added.push({ name, entry: created, dueAtMs: clock.now() + next.durationMs });
          } else if (next.kind === 'remove' && added.length > 0) {
            const chosen = added[next.pick % added.length];
            if (chosen !== undefined && chosen.removedAtMs === undefined) {
              chosen.removedAtMs = clock.now();
              queue.remove(chosen.entry);
            }
          } else if (next.kind === 'advance') await clock.advance(next.ms);
        }
        await clock.advance(100);
        for (const { name, dueAtMs, removedAtMs } of added) {
          // Advancing to the due time fires it, so a removal at that same time comes too late.
          const shouldFire = removedAtMs === undefined || removedAtMs >= dueAtMs;
          expect(fired.get(name)).toBe(shouldFire ? dueAtMs : undefined);
        }
        for (const { entry: queued } of added) queue.remove(queued);
        expect(clock.pendingSleeps).toBe(0);
      }),
    );
  });
});
