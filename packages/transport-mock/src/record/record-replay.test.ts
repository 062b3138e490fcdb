import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatRequest, ChatStreamEvent, Transport } from '@acpt/config';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestHttpTransport } from '../__fixtures__/http-transport.ts';
import { createMockCerebrasServer } from '../server/create-mock-cerebras-server.ts';
import { createMockTransport } from '../transport/create-mock-transport.ts';
import { createRecordingTransport } from './create-recording-transport.ts';
import { createReplayTransport } from './create-replay-transport.ts';
import { ReplayMissError } from './replay-miss-error.ts';

const directory = mkdtempSync(join(tmpdir(), 'acpt-cassette-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const apiKey = 'csk-very-secret-recording-key';
const faults = [
  { kind: 'rate-limit-tokens', at: [2] },
  { kind: 'service-unavailable', at: [5] },
  { kind: 'stream-truncated', at: [7] },
  { kind: 'stream-error-event', at: [9] },
  { kind: 'malformed-json', at: [10] },
] as const;

const tools: ChatRequest['tools'] = [
  { type: 'function', function: { name: 'set_phase', parameters: { type: 'object', properties: { bits: {} } } } },
];

/** Twelve calls: plain, tool-calling (lane 2) and reasoning (lane 3) requests, whole and streamed. */
function scenario(): { request: ChatRequest; stream: boolean }[] {
  return Array.from({ length: 12 }, (_, step) => ({
    stream: step % 3 === 1,
    request: {
      model: 'gpt-oss-120b',
      maxCompletionTokens: 64,
      messages: [{ role: 'user', content: `Step ${step % 4}: choose the RIS phase for lane ${step % 4}.` }],
      ...(step % 4 === 2 ? { tools } : {}),
      ...(step % 4 === 3 ? { reasoningEffort: 'low' as const, maxCompletionTokens: 256 } : {}),
    },
  }));
}

/** Runs the scenario and returns what the caller observed, errors reduced to their stable fields. */
async function observe(transport: Transport): Promise<unknown[]> {
  const seen: unknown[] = [];
  for (const { request, stream } of scenario()) {
    try {
      if (!stream) seen.push(await transport.complete(request));
      else {
        const events: ChatStreamEvent[] = [];
        try {
          for await (const event of transport.stream(request)) events.push(event);
          seen.push(events);
        } catch (error) {
          seen.push({ events, error: summary(error) });
        }
      }
    } catch (error) {
      seen.push(summary(error));
    }
  }
  return seen;
}

function summary(error: unknown): unknown {
  const { name, message, code, status, retryable, kind, midStream, deliveredContent, errorCode } = error as Record<
    string,
    unknown
  >;
  return { name, message, code, status, retryable, kind, midStream, deliveredContent, errorCode };
}

describe('record and replay', () => {
  it('records a session against the mock server and replays it identically with the server stopped', async () => {
    const server = await createMockCerebrasServer({ apiKey, faults, seed: 11 });
    const cassettePath = join(directory, 'session.jsonl');
    const live = createTestHttpTransport({ baseUrl: server.url, apiKey });
    const recorder = createRecordingTransport({ transport: live, cassettePath, redact: [apiKey] });
    const recorded = await observe(recorder);
    await recorder.close();
    await server.close();

    const cassette = readFileSync(cassettePath, 'utf8');
    expect(cassette.trim().split('\n')).toHaveLength(12);
    expect(cassette).not.toContain(apiKey);
    expect(cassette.toLowerCase()).not.toContain('authorization');
    expect(cassette).not.toContain('Bearer');
    for (const field of ['"toolCalls":[{', '"reasoning":"', '"type":"reasoning-delta"', '"reasoningTokens":'])
      expect(cassette).toContain(field);

    const replayed = await observe(createReplayTransport({ cassettePath }));
    expect(replayed).toEqual(recorded);
    const kinds = recorded.map((entry) => JSON.stringify(entry).match(/"name":"(\w+Error)"/)?.[1]);
    expect(kinds).toEqual(
      expect.arrayContaining(['RateLimitError', 'TransportHttpError', 'TruncatedStreamError', 'InvalidResponseError']),
    );
  });

  it('serves repeated requests in recorded order, cycling', async () => {
    const cassettePath = join(directory, 'repeat.jsonl');
    let turn = 0;
    const source = createMockTransport({ responder: () => `turn ${turn++}` });
    const recorder = createRecordingTransport({ transport: source, cassettePath });
    const request = scenario()[0]?.request as ChatRequest;
    const texts = [(await recorder.complete(request)).text, (await recorder.complete(request)).text];
    const replay = createReplayTransport({ cassettePath });
    const again = [];
    for (let round = 0; round < 3; round += 1) again.push((await replay.complete(request)).text);
    expect(texts).toEqual(['turn 0', 'turn 1']);
    expect(again).toEqual(['turn 0', 'turn 1', 'turn 0']);
  });

  it('names the nearest recorded request and the differences on a miss, or passes through', async () => {
    const cassettePath = join(directory, 'miss.jsonl');
    const recorder = createRecordingTransport({ transport: createMockTransport(), cassettePath });
    for (const { request } of scenario().slice(0, 3)) await recorder.complete(request);
    const replay = createReplayTransport({ cassettePath });
    const changed: ChatRequest = {
      ...(scenario()[1]?.request as ChatRequest),
      temperature: 0.7,
    };
    const error = await replay.complete(changed).catch((caught: unknown) => caught);
    expect(ReplayMissError.isInstance(error)).toBe(true);
    const miss = error as ReplayMissError;
    expect(miss.nearest?.line).toBe(1);
    expect(miss.nearest?.differences).toEqual([{ path: 'request.temperature', recorded: undefined, requested: 0.7 }]);
    expect(miss.message).toContain('request.temperature: absent recorded, 0.7 requested');
    const streamed = await (async () => {
      for await (const _event of replay.stream(scenario()[0]?.request as ChatRequest));
    })().catch((caught: unknown) => caught);
    expect((streamed as ReplayMissError).nearest?.differences).toEqual([
      { path: 'mode', recorded: 'complete', requested: 'stream' },
    ]);
    const fallback = createReplayTransport({
      cassettePath,
      passthrough: createMockTransport({ responder: () => 'live' }),
    });
    expect((await fallback.complete(changed)).text).toBe('live');
  });
});
