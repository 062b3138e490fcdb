import {
  AbortedError,
  ApiKeyError,
  type ApiKeyProblem,
  errorFromHttpResponse,
  InvalidResponseError,
  ProxyError,
  type ProxyProblem,
  redactHeaders,
  TimeoutError,
  type TimeoutPhase,
  TransportHttpError,
  TransportNetworkError,
  TruncatedStreamError,
} from '@acpt/config';

/** A failure as a cassette stores it: enough to raise the same typed error again, and nothing secret. */
export type RecordedError =
  | {
      readonly type: 'http';
      readonly status: number;
      readonly url: string;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
      readonly midStream: boolean;
    }
  | { readonly type: 'network'; readonly message: string; readonly undiciCode?: string; readonly retryable: boolean }
  | { readonly type: 'timeout'; readonly phase: TimeoutPhase; readonly timeoutMs: number; readonly message: string }
  | { readonly type: 'truncated'; readonly deliveredContent: boolean; readonly message: string }
  | { readonly type: 'invalid-response'; readonly message: string; readonly bodySnippet: string }
  | { readonly type: 'aborted'; readonly message: string }
  | {
      readonly type: 'proxy';
      readonly problem: ProxyProblem;
      readonly proxy: string;
      readonly proxyStatus?: number;
      readonly message: string;
    }
  | {
      readonly type: 'api-key';
      readonly problem: ApiKeyProblem;
      readonly source: string;
      readonly retryable: boolean;
      readonly message: string;
    }
  | { readonly type: 'other'; readonly name: string; readonly message: string };

/** Reduces an error to its {@link RecordedError}; HTTP errors keep their redacted headers and body. */
export function toRecordedError(error: unknown): RecordedError {
  if (TransportHttpError.isInstance(error)) {
    return {
      type: 'http',
      status: error.status,
      url: error.url,
      headers: redactHeaders(error.responseHeaders),
      body: error.responseBody ?? '',
      midStream: error.midStream,
    };
  }
  if (TransportNetworkError.isInstance(error))
    return { type: 'network', message: error.message, undiciCode: error.undiciCode, retryable: error.retryable };
  if (TimeoutError.isInstance(error))
    return { type: 'timeout', phase: error.phase, timeoutMs: error.timeoutMs, message: error.message };
  if (TruncatedStreamError.isInstance(error))
    return { type: 'truncated', deliveredContent: error.deliveredContent, message: error.message };
  if (InvalidResponseError.isInstance(error))
    return { type: 'invalid-response', message: error.message, bodySnippet: error.bodySnippet };
  if (AbortedError.isInstance(error)) return { type: 'aborted', message: error.message };
  if (ProxyError.isInstance(error)) {
    // `proxy` is already redacted by the transport; the message names it the same way.
    return {
      type: 'proxy',
      problem: error.problem,
      proxy: error.proxy,
      proxyStatus: error.proxyStatus,
      message: error.message,
    };
  }
  if (ApiKeyError.isInstance(error)) {
    return {
      type: 'api-key',
      problem: error.problem,
      source: error.source,
      retryable: error.retryable,
      message: error.message,
    };
  }
  const named = error instanceof Error ? error : new Error(String(error));
  return { type: 'other', name: named.name, message: named.message };
}

/**
 * Raises the recorded failure again as the same typed error. HTTP errors go back through `errorFromHttpResponse`,
 * so class, kind, window and retryability come out as a live response would give them (waits relative to `nowMs`).
 */
export function fromRecordedError(recorded: RecordedError, nowMs: number): Error {
  switch (recorded.type) {
    case 'http':
      return errorFromHttpResponse({ ...recorded, nowMs });
    case 'network':
      return new TransportNetworkError(recorded.message, {
        undiciCode: recorded.undiciCode,
        retryable: recorded.retryable,
      });
    case 'timeout':
      return new TimeoutError(recorded.phase, recorded.timeoutMs, { message: recorded.message });
    case 'truncated':
      return new TruncatedStreamError({ deliveredContent: recorded.deliveredContent, message: recorded.message });
    case 'invalid-response':
      return new InvalidResponseError(recorded.message, { bodySnippet: recorded.bodySnippet });
    case 'aborted':
      return new AbortedError(recorded.message);
    case 'proxy':
      return new ProxyError(recorded.problem, recorded.message, {
        proxy: recorded.proxy,
        proxyStatus: recorded.proxyStatus,
      });
    case 'api-key':
      return new ApiKeyError(recorded.problem, recorded.message, {
        source: recorded.source,
        retryable: recorded.retryable,
      });
    default: {
      const error = new Error(recorded.message);
      error.name = recorded.name;
      return error;
    }
  }
}
