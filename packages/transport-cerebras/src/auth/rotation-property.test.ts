import { AuthenticationError, createApiKeyProvider, type Secret } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallScope } from '../call/call-scope.ts';
import { callWithApiKey, type KeyedCalls } from './with-api-key.ts';

type Operation = 'request' | 'rotate' | 'revoke';

/** What the model's scope carries instead of headers: the key the call is sent with. */
interface KeyScope {
  readonly key: Secret;
}

interface RequestRecord {
  readonly keys: string[];
  revokesAtStart: number;
  revokesAtEnd: number;
  outcome: 'success' | 'refused' | 'other' | 'pending';
}

/**
 * One run of the model: a secret store rotated (new key written; old key still accepted) and revoked (only the
 * newest key accepted) at arbitrary moments, and requests through `callWithApiKey` with a real `createApiKeyProvider`
 * reading the store; every send, load and store operation is an independently scheduled step.
 */
async function run(scheduler: fc.Scheduler, operations: readonly Operation[]) {
  let generation = 0;
  let stored = 'csk-model-key-0';
  const configured = new Set([stored]);
  let accepted = new Set([stored]);
  let revokes = 0;
  const step = <TValue>(value: () => TValue): Promise<TValue> => scheduler.schedule(Promise.resolve()).then(value);
  const provider = createApiKeyProvider({
    source: 'model store',
    clock: () => 0,
    log: () => undefined,
    load: () => step(() => stored),
  });
  const calls = {
    keys: { provider, isStatic: false, owned: true },
    scopeFor: (key: Secret) => ({ key }) as unknown as CallScope,
  } satisfies KeyedCalls;
  const records: RequestRecord[] = [];
  const settled: Promise<unknown>[] = [];
  for (const operation of operations) {
    if (operation === 'rotate') {
      settled.push(
        step(() => {
          generation += 1;
          stored = `csk-model-key-${generation}`;
          configured.add(stored);
          accepted.add(stored);
        }),
      );
    } else if (operation === 'revoke') {
      settled.push(
        step(() => {
          accepted = new Set([stored]);
          revokes += 1;
        }),
      );
    } else {
      const record: RequestRecord = { keys: [], revokesAtStart: revokes, revokesAtEnd: -1, outcome: 'pending' };
      records.push(record);
      const send = (scope: CallScope): Promise<string> => {
        const { key } = scope as unknown as KeyScope;
        record.keys.push(key.reveal());
        return step(() => {
          if (accepted.has(key.reveal())) return 'ok';
          throw new AuthenticationError('HTTP 401: Wrong API Key', { status: 401, url: 'model' });
        });
      };
      // The request starts at a scheduled moment of its own, so rotations and revocations may come before it.
      settled.push(
        step(() => {
          record.revokesAtStart = revokes;
        })
          .then(() => callWithApiKey(calls, undefined, send))
          .then(
            () => {
              record.outcome = 'success';
              record.revokesAtEnd = revokes;
            },
            (error: unknown) => {
              record.outcome = AuthenticationError.isInstance(error) ? 'refused' : 'other';
              record.revokesAtEnd = revokes;
            },
          ),
      );
    }
  }
  await scheduler.waitFor(Promise.all(settled));
  return { records, configured };
}

describe('rotations interleaved with requests (fast-check)', () => {
  it('never sends a key that was never configured, never loses a request, and retries each at most once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.constantFrom<Operation>('request', 'request', 'rotate', 'revoke'), { minLength: 1, maxLength: 24 }),
        async (scheduler, operations) => {
          const { records, configured } = await run(scheduler, operations);
          for (const record of records) {
            expect(record.outcome).not.toBe('pending');
            expect(record.outcome).not.toBe('other');
            expect(record.keys.length).toBeGreaterThanOrEqual(1);
            expect(record.keys.length).toBeLessThanOrEqual(2);
            for (const key of record.keys) expect(configured.has(key)).toBe(true);
            if (record.keys.length === 2) expect(record.keys[1]).not.toBe(record.keys[0]);
            // Only a revocation during the request's own life can make it fail.
            if (record.revokesAtEnd === record.revokesAtStart) expect(record.outcome).toBe('success');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
