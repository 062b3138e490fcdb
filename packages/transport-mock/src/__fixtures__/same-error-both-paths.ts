import type { ChatRequest } from '@acpt/config';
import { expect } from 'vitest';
import { createMockCerebrasServer } from '../server/create-mock-cerebras-server.ts';
import { createMockTransport } from '../transport/create-mock-transport.ts';

/**
 * Asserts that the in-process mock rejects `request` and the mock server answers `wireBody` (the same request on the
 * wire) with the same HTTP status and the same body; returns that body.
 */
export async function expectSameErrorBothPaths(
  request: ChatRequest,
  wireBody: Record<string, unknown>,
  status: number,
): Promise<string> {
  const inProcess = await createMockTransport()
    .complete(request)
    .then(
      () => undefined,
      (error: unknown) => error as { status?: number; responseBody?: string },
    );
  const server = await createMockCerebrasServer();
  try {
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer csk-anything' },
      body: JSON.stringify(wireBody),
    });
    const body = await response.text();
    expect([response.status, inProcess?.status]).toEqual([status, status]);
    expect(body).toBe(inProcess?.responseBody);
    return body;
  } finally {
    await server.close();
  }
}
