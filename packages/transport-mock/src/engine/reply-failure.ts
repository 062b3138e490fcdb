import { SchemaTooLargeError } from '../responder/schema-too-large-error.ts';
import { jsonResponse, type WireResponse } from '../wire/wire-response.ts';

/**
 * The response for a reply that could not be built: a schema beyond the generator's bounds is the request's fault
 * (`400 wrong_api_format`, not retryable, answered at once); any other exception comes from a custom responder, a
 * `500 mock_responder_error` naming it instead of crashing the server or leaking an untyped error.
 */
export function replyFailure(error: unknown): WireResponse {
  if (SchemaTooLargeError.isInstance(error))
    return jsonResponse(400, {
      message: error.message,
      type: 'invalid_request_error',
      param: 'response_format',
      code: 'wrong_api_format',
    });
  const message = error instanceof Error ? error.message : String(error);
  return jsonResponse(500, {
    message: `The mock responder failed: ${message}`,
    type: 'server_error',
    param: '',
    code: 'mock_responder_error',
  });
}
