/** A complete HTTP response as the mocks send it: the server writes it, the in-process mock feeds it to the parser. */
export interface WireResponse {
  /** HTTP status. */
  readonly status: number;
  /** Lower-cased response headers, `content-type` included. */
  readonly headers: Readonly<Record<string, string>>;
  /** Body text. */
  readonly body: string;
}

/** `application/json`, as Cerebras labels JSON bodies. */
export const JSON_CONTENT_TYPE = 'application/json';

/** The SSE content type Cerebras streams with. */
export const SSE_CONTENT_TYPE = 'text/event-stream; charset=utf-8';

/** A JSON error response. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): WireResponse {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}
