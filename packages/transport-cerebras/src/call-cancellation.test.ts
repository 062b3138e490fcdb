import type { CallCancellation } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from './__fixtures__/assert-no-secret.ts';
import { pause, scriptedResponse } from './__fixtures__/fixture-server.ts';
import { servedTransport } from './__fixtures__/served-transport.ts';
import { chunkEvent, completionBody } from './__fixtures__/wire-fixtures.ts';

const hello = { messages: [{ role: 'user' as const, content: 'Hi' }] };
const never = (): Promise<void> => new Promise(() => {});

/** A `CallCancellation` that records its listeners, with a signal that fails the test if anyone listens to it. */
class TestCancellation implements CallCancellation {
  aborted = false;
  reason: unknown;
  readonly listeners = new Set<() => void>();
  added = 0;
  removed = 0;
  readonly signal: AbortSignal = new AbortController().signal;

  constructor() {
    this.signal.addEventListener = () => {
      throw new Error('the transport listened to the signal although a cancellation was given');
    };
  }

  onCancel(listener: () => void): void {
    this.added++;
    this.listeners.add(listener);
  }

  offCancel(listener: () => void): void {
    this.removed++;
    this.listeners.delete(listener);
  }

  cancel(reason: unknown): void {
    this.aborted = true;
    this.reason = reason;
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const listener of listeners) listener();
  }

  get options(): { signal: AbortSignal; cancellation: CallCancellation } {
    return { signal: this.signal, cancellation: this };
  }
}

const served = servedTransport();
const serve = served.serve;

describe('TransportCallOptions.cancellation (watched instead of the signal)', () => {
  it('rejects at once with its reason and sends nothing when already cancelled', async () => {
    const live = await serve(never);
    const cancellation = new TestCancellation();
    const reason = new Error('caller gave up');
    cancellation.cancel(reason);
    expect(await rejectionOf(() => live.complete(hello, cancellation.options))).toBe(reason);
    expect(served.server?.requests).toHaveLength(0);
  });

  it('cancels a call waiting for headers: rejects with the reason unchanged and closes the socket', async () => {
    const live = await serve(never);
    const cancellation = new TestCancellation();
    const pending = rejectionOf(() => live.complete(hello, cancellation.options));
    while (served.server?.requests.length === 0) await pause(5);
    const reason = new Error('stop');
    cancellation.cancel(reason);
    expect(await pending).toBe(reason);
    await served.server?.socketsClosed(1);
  });

  it('cancels a stream mid-way and closes its socket', async () => {
    const live = await serve(scriptedResponse([chunkEvent({ delta: { content: 'a' } }), never]));
    const cancellation = new TestCancellation();
    const reason = new Error('enough');
    const error = await rejectionOf(async () => {
      for await (const _event of live.stream(hello, cancellation.options)) cancellation.cancel(reason);
    });
    expect(error).toBe(reason);
    await served.server?.socketsClosed(1);
  });

  it('adds one listener per call and removes it when the call settles', async () => {
    const live = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(completionBody({ role: 'assistant', content: 'Hello' }));
    });
    const cancellation = new TestCancellation();
    await live.complete(hello, cancellation.options);
    await live.complete(hello, cancellation.options);
    expect([cancellation.added, cancellation.removed, cancellation.listeners.size]).toEqual([2, 2, 0]);
  });
});
