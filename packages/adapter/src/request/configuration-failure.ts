import {
  describeError,
  type FallbackOnSettings,
  RetryExhaustedError,
  type Secret,
  TransportHttpError,
} from '@acpt/config';
import { redactText } from '../diagnostics/redact.ts';

/** Which `fallbackOn` switch covers a configuration failure. */
export type ConfigurationFailureKind = keyof FallbackOnSettings;

const kindByStatus: ReadonlyMap<number, ConfigurationFailureKind> = new Map([
  [401, 'access'],
  [402, 'access'],
  [403, 'access'],
  [404, 'notFound'],
  [400, 'invalidRequest'],
  [413, 'invalidRequest'],
  [422, 'invalidRequest'],
]);

/** A configuration failure: a non-retryable 400, 401, 402, 403, 404, 413 or 422 that stopped a request. */
export interface ConfigurationFailure {
  readonly kind: ConfigurationFailureKind;
  /** The typed error of the failed attempt (`AuthenticationError`, `NotFoundError`, `TransportHttpError`, …). */
  readonly error: TransportHttpError;
}

/**
 * The configuration failure behind a stop decision: `stop` is a `RetryExhaustedError` with reason `not-retryable`
 * whose last error is a non-retryable HTTP 400, 401, 402, 403, 404, 413 or 422 (a wrong key, no credit, a retired
 * model, a request the API refuses). Such failures are not transient; `undefined` for anything else.
 */
export function configurationFailureOf(stop: unknown): ConfigurationFailure | undefined {
  if (!RetryExhaustedError.isInstance(stop) || stop.reason !== 'not-retryable') return undefined;
  const error = stop.lastError;
  if (!TransportHttpError.isInstance(error) || error.retryable) return undefined;
  const kind = kindByStatus.get(error.status);
  return kind === undefined ? undefined : { kind, error };
}

/** One kind of configuration failure seen by an adapter, for `diagnostics().configurationFailures`. */
export interface ConfigurationFailureEntry {
  /** HTTP status of the first failure of this status and code. */
  readonly status: number;
  /** The API's error code (`wrong_api_key`, `model_not_found`, …), when it sent one. */
  readonly errorCode?: string;
  /** The `fallbackOn` switch that would let the mock take these over. */
  readonly kind: ConfigurationFailureKind;
  /** The first failure's message, credentials redacted. */
  readonly message: string;
  /** Requests that failed this way. */
  readonly count: number;
  /** Of those, requests the mock answered because `fallbackOn` names the kind. */
  readonly fellBack: number;
  /** When the first and the last happened (epoch ms). */
  readonly firstAtMs: number;
  readonly lastAtMs: number;
}

/** How the adapter tells a human, once, that requests fail for a configuration reason. */
export type WarningSink = (message: string, code: string) => void;

/** Writes a process warning (stderr, or the process's `warning` listeners). */
export const processWarning: WarningSink = (message, code) => {
  process.emitWarning(message, { type: 'AcptWarning', code });
};

/**
 * The configuration failures an adapter has seen: one entry per status and code, and one loud warning per kind the
 * first time it happens (whether the request then rejects or, as `fallbackOn` allows, falls back to the mock).
 */
export class ConfigurationFailureLog {
  readonly #entries = new Map<string, ConfigurationFailureEntry>();
  readonly #warned = new Set<string>();
  readonly #warn: WarningSink;

  constructor(warn: WarningSink = processWarning) {
    this.#warn = warn;
  }

  /** Records one failure at `nowMs`; warns the first time its kind (and whether it fell back) is seen. */
  record(failure: ConfigurationFailure, fellBack: boolean, nowMs: number, apiKey: Secret | undefined): void {
    const { error, kind } = failure;
    const key = `${error.status} ${error.errorCode ?? ''}`;
    const message = redactText(error.message, apiKey);
    const previous = this.#entries.get(key);
    this.#entries.set(key, {
      status: error.status,
      ...(error.errorCode === undefined || error.errorCode === '' ? {} : { errorCode: error.errorCode }),
      kind,
      message: previous?.message ?? message,
      count: (previous?.count ?? 0) + 1,
      fellBack: (previous?.fellBack ?? 0) + (fellBack ? 1 : 0),
      firstAtMs: previous?.firstAtMs ?? nowMs,
      lastAtMs: nowMs,
    });
    const warnedKey = `${kind}:${fellBack}`;
    if (this.#warned.has(warnedKey)) return;
    this.#warned.add(warnedKey);
    const what = `${error.status}${error.errorCode ? ` ${error.errorCode}` : ''} (${message})`;
    const type = describeError(error).type;
    this.#warn(
      fellBack
        ? `acpt: the live endpoint refused a request with ${what}, a configuration failure, not a transient one. ` +
            `fallbackOn.${kind} is set, so the MOCK answers such requests: their results are mock decisions, not the ` +
            `model's. Fix the configuration, or unset fallbackOn.${kind} to fail instead.`
        : `acpt: the live endpoint refused a request with ${what}, a configuration failure, not a transient one. ` +
            `Requests fail with ${error.name} (${type}) instead of falling back to the mock; fix the configuration ` +
            `(API key, model id, request), or set fallbackOn.${kind} to accept mock answers.`,
      'ACPT_CONFIGURATION_FAILURE',
    );
  }

  /** The entries, oldest first; `undefined` when none was seen. */
  snapshot(): ConfigurationFailureEntry[] | undefined {
    return this.#entries.size === 0 ? undefined : [...this.#entries.values()].map((entry) => ({ ...entry }));
  }
}
