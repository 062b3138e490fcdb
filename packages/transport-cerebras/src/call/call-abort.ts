import type { CallCancellation, TransportCallOptions } from '@acpt/config';

/** What a call watches for an abort: a `CallCancellation` or an `AbortSignal` (both have `aborted` and `reason`). */
export type CallAbort = CallCancellation | AbortSignal;

/** The abort a call watches: the options' `cancellation` when given (no EventTarget listener needed), else `signal`. */
export function callAbortOf(options: TransportCallOptions | undefined): CallAbort | undefined {
  return options?.cancellation ?? options?.signal;
}

/** Whether `abort` is a `CallCancellation` (listened to with `onCancel`) rather than an `AbortSignal`. */
export function isCancellation(abort: CallAbort): abort is CallCancellation {
  return typeof (abort as Partial<CallCancellation>).onCancel === 'function';
}
