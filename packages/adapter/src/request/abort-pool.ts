import { getEventListeners } from 'node:events';
import { createReusableAbortController } from '@acpt/config';

/** Idle controllers kept at most (a bound, so a burst does not leave a large pool behind). */
const POOL_LIMIT = 1024;

const idle: AbortController[] = [];

/** Never aborted: what a run's signal reads as once its pooled controller went back to the pool. */
const settledController = new AbortController();

/**
 * A reusable abort controller for one whole-reply request (see `@acpt/config`'s `createReusableAbortController`):
 * the transport watches its signal through a slot instead of adding an `abort` listener per call.
 */
export function takeAbortController(): AbortController {
  return idle.pop() ?? createReusableAbortController();
}

/**
 * Gives a settled request's controller back for the next request when it never aborted (an aborted signal cannot be
 * reused) and nobody left a listener on its signal (a transport that does not remove its listeners would otherwise
 * pile them up on a reused signal); returns what the settled request keeps: its own controller when it is not reused,
 * else a never-aborted one, so the settled request never sees a later request's abort.
 */
export function returnAbortController(controller: AbortController): AbortController {
  const signal = controller.signal;
  if (signal.aborted || getEventListeners(signal, 'abort').length !== 1) return controller;
  if (idle.length < POOL_LIMIT) idle.push(controller);
  return settledController;
}
