/** Cerebras' flat error body. */
export interface FlatErrorBody {
  readonly message: string;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
}

/** 401: a bearer token that is not a valid key. */
export const WRONG_API_KEY_BODY: FlatErrorBody = {
  message: 'Wrong API Key',
  type: 'invalid_request_error',
  param: 'api_key',
  code: 'wrong_api_key',
};

/** 403: no `Authorization` header at all (FastAPI's default). */
export const NOT_AUTHENTICATED_BODY: { readonly detail: string } = { detail: 'Not authenticated' };

/** 404 for an unknown or retired model. */
export function modelNotFoundBody(model: string): FlatErrorBody {
  return {
    message: `Model ${model} does not exist or you do not have access to it.`,
    type: 'not_found_error',
    param: 'model',
    code: 'model_not_found',
  };
}

/** 429 for an exhausted request or token quota. */
export function quotaBody(unit: 'requests' | 'tokens', window: 'minute' | 'hour' | 'day'): FlatErrorBody {
  const requests = unit === 'requests';
  return {
    message: requests
      ? `Requests per ${window} limit exceeded - too many requests sent.`
      : `Tokens per ${window} limit exceeded - too many tokens processed.`,
    type: requests ? 'too_many_requests_error' : 'too_many_tokens_error',
    param: 'quota',
    code: requests ? 'request_quota_exceeded' : 'token_quota_exceeded',
  };
}

/** 429 when Cerebras itself is at capacity (not your quota). */
export const QUEUE_EXCEEDED_BODY: FlatErrorBody = {
  message: "We're experiencing high traffic right now! Please try again soon.",
  type: 'too_many_requests_error',
  param: 'queue',
  code: 'queue_exceeded',
};

/** 500. */
export const SERVER_ERROR_BODY: FlatErrorBody = {
  message: 'Encountered a server error, please try again.',
  type: 'server_error',
  param: null,
  code: 'internal_server_error',
};

/** 503. */
export const SERVICE_UNAVAILABLE_BODY: FlatErrorBody = {
  message: 'The service is temporarily unavailable. Please try again soon.',
  type: 'service_unavailable_error',
  param: null,
  code: 'service_unavailable',
};

/**
 * The mid-stream error event as Cerebras sends it: `status_code` first, then an `error` whose `param`, `code` and
 * `id` are empty strings (not `null`), so `errorCode` is the same in mock and live.
 */
export const STREAM_ERROR_EVENT: {
  readonly status_code: number;
  readonly error: FlatErrorBody & { readonly id: string };
} = {
  status_code: 500,
  error: {
    message: 'Encountered a server error, please try again',
    type: 'server_error',
    param: '',
    code: '',
    id: '',
  },
};

/** 413: a request body over the size limit (on the wire, or once gzip is undone). */
export function requestTooLargeBody(limit: number, decoded: boolean): FlatErrorBody {
  return {
    message: `Request body too large: more than ${limit} bytes${decoded ? ' once decompressed' : ''}.`,
    type: 'invalid_request_error',
    param: 'body',
    code: 'request_too_large',
  };
}
