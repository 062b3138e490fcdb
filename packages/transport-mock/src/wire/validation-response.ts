import type { ValidationIssue } from './validate-wire-request.ts';
import { jsonResponse, type WireResponse } from './wire-response.ts';

/**
 * The response for a body that fails field validation, as the real API answered in recorded traffic (not FastAPI's
 * `422 {"detail":[…]}`): `400` with the flat body
 * `{"message":"<loc>: <msg>\n…","type":"invalid_request_error","param":"validation_error","code":"wrong_api_format"}`,
 * one line per issue, the location dotted without the leading `body`.
 */
export function validationFailureResponse(issues: readonly ValidationIssue[]): WireResponse {
  const message = issues
    .map((issue) => {
      const loc = issue.loc[0] === 'body' ? issue.loc.slice(1) : issue.loc;
      return loc.length === 0 ? issue.msg : `${loc.join('.')}: ${issue.msg}`;
    })
    .join('\n');
  return jsonResponse(400, {
    message,
    type: 'invalid_request_error',
    param: 'validation_error',
    code: 'wrong_api_format',
  });
}

/** The issue of a body that cannot be read as JSON: not UTF-8, not valid gzip, or not JSON. */
export function unreadableBodyIssue(what: string): ValidationIssue {
  return { type: 'json_invalid', loc: ['body'], msg: `${what}; the body must be UTF-8 JSON` };
}
