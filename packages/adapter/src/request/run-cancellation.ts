import type { CallCancellation } from '@acpt/config';

/**
 * A run's {@link CallCancellation}: the state of its `AbortSignal`, with listeners kept in a field (and an array for
 * the rare second one) instead of on the signal's EventTarget, so that transports which support it watch the run
 * without the cost of `addEventListener`. The run calls {@link RunCancellation.fire} right after aborting its signal.
 */
export class RunCancellation implements CallCancellation {
  readonly #signal: AbortSignal;
  #first: (() => void) | undefined;
  #more: (() => void)[] | undefined;

  constructor(signal: AbortSignal) {
    this.#signal = signal;
  }

  get aborted(): boolean {
    return this.#signal.aborted;
  }

  get reason(): unknown {
    return this.#signal.reason;
  }

  onCancel(listener: () => void): void {
    if (this.#first === undefined) {
      this.#first = listener;
      return;
    }
    this.#more ??= [];
    this.#more.push(listener);
  }

  offCancel(listener: () => void): void {
    if (this.#first === listener) {
      this.#first = this.#more?.shift();
      return;
    }
    const index = this.#more?.indexOf(listener) ?? -1;
    if (index >= 0) this.#more?.splice(index, 1);
  }

  /**
   * Calls and forgets every listener, once. A listener that throws does not stop the others: its error is rethrown
   * from a microtask, as an `AbortSignal` reports a throwing listener.
   */
  fire(): void {
    const first = this.#first;
    const more = this.#more;
    this.#first = undefined;
    this.#more = undefined;
    if (first !== undefined) callReporting(first);
    if (more !== undefined) for (const listener of more) callReporting(listener);
  }
}

function callReporting(listener: () => void): void {
  try {
    listener();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
