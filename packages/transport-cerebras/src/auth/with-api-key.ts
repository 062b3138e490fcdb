import { type ChatStreamEvent, type Secret, TransportHttpError } from '@acpt/config';
import type { CallScope } from '../call/call-scope.ts';
import type { TransportKeyProvider } from './transport-key-provider.ts';

/** What a keyed call needs: the key provider and the scope for a key. */
export interface KeyedCalls {
  readonly keys: TransportKeyProvider;
  readonly scopeFor: (key: Secret) => CallScope;
}

/** True for the endpoint refusing the key itself (HTTP 401 as the response status, not inside a stream). */
export function isKeyRefused(error: unknown): boolean {
  return TransportHttpError.isInstance(error) && error.status === 401 && !error.midStream;
}

/** The key for a call: the cached one without I/O, or a load bounded by `signal` (its reason if it fires first). */
export function keyFor(calls: KeyedCalls, signal: AbortSignal | undefined): Secret | Promise<Secret> {
  return calls.keys.provider.current() ?? calls.keys.provider.getKey(signal);
}

async function retryRefused<TResult>(
  calls: KeyedCalls,
  signal: AbortSignal | undefined,
  call: (scope: CallScope) => Promise<TResult>,
  key: Secret,
  error: unknown,
): Promise<TResult> {
  if (calls.keys.isStatic || !isKeyRefused(error)) throw error;
  const next = await calls.keys.provider.refreshAfterRejection(key, signal);
  if (next === undefined) throw error;
  return call(calls.scopeFor(next));
}

/**
 * Runs one call with the current key; when the endpoint answers 401, asks the provider for a different key (one
 * shared re-read for every call refused with the same key) and, if there is one, runs the call once more with it.
 * At most two sends per call; the 401 stands when the key did not change. A cached key is used without an extra
 * await (the common path costs one `.catch` over the plain call).
 */
export function callWithApiKey<TResult>(
  calls: KeyedCalls,
  signal: AbortSignal | undefined,
  call: (scope: CallScope) => Promise<TResult>,
): Promise<TResult> {
  const send = (key: Secret): Promise<TResult> =>
    call(calls.scopeFor(key)).catch((error: unknown) => retryRefused(calls, signal, call, key, error));
  const cached = calls.keys.provider.current();
  return cached === undefined ? calls.keys.provider.getKey(signal).then(send) : send(cached);
}

/**
 * {@link callWithApiKey} for a stream: the refused key is only retried when nothing was delivered yet (a 401 comes as
 * the response status, before any event), so no event is ever repeated.
 */
export async function* streamWithApiKey(
  calls: KeyedCalls,
  signal: AbortSignal | undefined,
  open: (scope: CallScope) => AsyncGenerator<ChatStreamEvent, void, undefined>,
): AsyncGenerator<ChatStreamEvent, void, undefined> {
  const key = await keyFor(calls, signal);
  let delivered = false;
  let next: Secret | undefined;
  try {
    for await (const event of open(calls.scopeFor(key))) {
      delivered = true;
      yield event;
    }
    return;
  } catch (error) {
    if (delivered || calls.keys.isStatic || !isKeyRefused(error)) throw error;
    next = await calls.keys.provider.refreshAfterRejection(key, signal);
    if (next === undefined) throw error;
  }
  yield* open(calls.scopeFor(next));
}
