/**
 * Prints, one JSON line each, the in-process replies (whole and streamed) and the mock server's wire bytes for the
 * 1,000 determinism requests. Run in two processes and compare the output byte for byte.
 */
import { createMockCerebrasServer } from '../server/create-mock-cerebras-server.ts';
import { createMockTransport } from '../transport/create-mock-transport.ts';
import { toWireRequest } from '../wire/to-wire-request.ts';
import { determinismRequests } from './determinism-requests.ts';
import { send } from './wire-client.ts';

const requests = determinismRequests();
const transport = createMockTransport({ seed: 42, streamChunkTokens: 3 });
const lines: string[] = [];
for (const request of requests) {
  lines.push(JSON.stringify(await transport.complete(request)));
  const events = [];
  for await (const event of transport.stream(request)) events.push(event);
  lines.push(JSON.stringify(events));
}
const server = await createMockCerebrasServer({ seed: 42, streamChunkTokens: 3 });
for (const [index, request] of requests.entries()) {
  const response = await send(`${server.url}/v1/chat/completions`, { body: toWireRequest(request, index % 2 === 1) });
  lines.push(JSON.stringify([response.status, response.headers['x-request-id'], response.body]));
}
await server.close();
process.stdout.write(`${lines.join('\n')}\n`);
