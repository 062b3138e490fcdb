import { AcptError, type AcptErrorCode, hasMarker, markError } from './acpt-error.ts';

/** What an HTTP error carries besides its message. */
export interface HttpErrorDetails {
  /** HTTP status (for a mid-stream error event: its `status_code`). */
  readonly status: number;
  /** Request URL, without credentials. */
  readonly url: string;
  /** Response body text, at most 4 KiB. */
  readonly responseBody?: string;
  /** Response headers, `authorization`-like ones removed. */
  readonly responseHeaders?: Readonly<Record<string, string>>;
  /** The wait the server asked for (`retry-after-ms`, `retry-after` or a rate-limit reset), in ms. */
  readonly retryAfterMs?: number;
  /** The body's `code` (`wrong_api_key`, `model_not_found`, …). */
  readonly errorCode?: string;
  /** The body's `type`. */
  readonly errorType?: string;
  /** The body's `param`. */
  readonly param?: string;
  /** True when the error arrived as an event inside a stream rather than as the response status. */
  readonly midStream?: boolean;
  /** The underlying error. */
  readonly cause?: unknown;
  /** Whether a retry may succeed; the class default otherwise. */
  readonly retryable?: boolean;
}

const marker = Symbol.for('acpt.error.TransportHttpError');

/** The endpoint answered with an error status (or a stream carried an error event). */
export class TransportHttpError extends AcptError {
  /** HTTP status. */
  readonly status: number;
  /** Request URL. */
  readonly url: string;
  /** Response body text (truncated), if any. */
  readonly responseBody: string | undefined;
  /** Redacted response headers. */
  readonly responseHeaders: Readonly<Record<string, string>>;
  /** The wait the server asked for, in ms. */
  readonly retryAfterMs: number | undefined;
  /** Body `code`. */
  readonly errorCode: string | undefined;
  /** Body `type`. */
  readonly errorType: string | undefined;
  /** Body `param`. */
  readonly param: string | undefined;
  /** True for an error event inside a stream. */
  readonly midStream: boolean;

  constructor(message: string, details: HttpErrorDetails, code: AcptErrorCode = 'ACPT_HTTP_STATUS') {
    super(code, message, { cause: details.cause, retryable: details.retryable ?? isRetryableStatus(details.status) });
    this.name = 'TransportHttpError';
    this.status = details.status;
    this.url = details.url;
    this.responseBody = details.responseBody;
    this.responseHeaders = details.responseHeaders ?? {};
    this.retryAfterMs = details.retryAfterMs;
    this.errorCode = details.errorCode;
    this.errorType = details.errorType;
    this.param = details.param;
    this.midStream = details.midStream ?? false;
    markError(this, marker);
  }

  /** True for any HTTP error (its subclasses included), across duplicate installs. */
  static override isInstance(error: unknown): error is TransportHttpError {
    return hasMarker(error, marker);
  }
}

/** Statuses a retry may cure: 408, 409, 429 and every 5xx (as the official SDKs and vercel/ai do). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

const authMarker = Symbol.for('acpt.error.AuthenticationError');

/** 401 (wrong key), 402 (payment) or 403 (no key): fix the credentials; never retried. */
export class AuthenticationError extends TransportHttpError {
  constructor(message: string, details: HttpErrorDetails) {
    super(message, { ...details, retryable: details.retryable ?? false }, 'ACPT_AUTHENTICATION');
    this.name = 'AuthenticationError';
    markError(this, authMarker);
  }

  /** True for any `AuthenticationError`, across duplicate installs. */
  static override isInstance(error: unknown): error is AuthenticationError {
    return hasMarker(error, authMarker);
  }
}

const notFoundMarker = Symbol.for('acpt.error.NotFoundError');

/** 404: an unknown path or model (`model_not_found`, also for retired ids such as `qwen-3-32b`). */
export class NotFoundError extends TransportHttpError {
  constructor(message: string, details: HttpErrorDetails) {
    super(message, { ...details, retryable: details.retryable ?? false }, 'ACPT_NOT_FOUND');
    this.name = 'NotFoundError';
    markError(this, notFoundMarker);
  }

  /** True for any `NotFoundError`, across duplicate installs. */
  static override isInstance(error: unknown): error is NotFoundError {
    return hasMarker(error, notFoundMarker);
  }
}
