import { Agent, request } from 'undici';

/** A response as seen on the wire. */
export interface WireResult {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A test agent; pass `headersTimeout` to observe silent servers. */
export function testAgent(options: { headersTimeout?: number; ca?: string } = {}): Agent {
  return new Agent({ headersTimeout: options.headersTimeout, connect: options.ca ? { ca: options.ca } : undefined });
}

/** Sends one request and reads the whole body as text. */
export async function send(
  url: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string>; dispatcher?: Agent } = {},
): Promise<WireResult> {
  const raw = options.body;
  const body =
    raw === undefined ? undefined : typeof raw === 'string' || raw instanceof Uint8Array ? raw : JSON.stringify(raw);
  const response = await request(url, {
    method: (options.method ?? (body === undefined ? 'GET' : 'POST')) as 'GET',
    body,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
    dispatcher: options.dispatcher,
  });
  const text = await response.body.text();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers[name] = value;
  return { status: response.statusCode, headers, body: text };
}

/** The `data:` payloads of an SSE body, in order. */
export function sseData(body: string): string[] {
  return body
    .split('\n\n')
    .filter((event) => event.trim() !== '')
    .map((event) =>
      event
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice('data: '.length))
        .join('\n'),
    );
}

/** A minimal valid chat body. */
export function chatBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'gpt-oss-120b',
    messages: [{ role: 'user', content: 'Choose the NOMA decoding order.' }],
    max_completion_tokens: 256,
    ...overrides,
  };
}
