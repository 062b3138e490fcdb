import { type ApiKeyEvent, AuthenticationError, loadConfig } from '@acpt/config';
import { createMockCerebrasServer, type MockCerebrasServer } from '@acpt/transport-mock';
import { Agent, type Dispatcher } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoSecret, rejectionOf } from '../__fixtures__/assert-no-secret.ts';
import { createSecretVolume, type SecretVolume } from '../__fixtures__/secret-volume.ts';
import { type CerebrasTransport, createCerebrasTransport } from '../create-cerebras-transport.ts';

const OLD_KEY = 'csk-rotation-old-5f2a9c1e7b3d8a4f';
const NEW_KEY = 'csk-rotation-new-0c6e1b9d4a7f2e5c';

let server: MockCerebrasServer | undefined;
let volume: SecretVolume | undefined;
let transport: CerebrasTransport | undefined;
let agent: Agent | undefined;
afterEach(async () => {
  await transport?.close();
  await agent?.close();
  await server?.close();
  volume?.remove();
  transport = server = volume = agent = undefined;
});

/** Every request the transport sent, by the prompt that identifies it: the keys it carried, in order. */
type Sends = Map<string, string[]>;

/** A real undici Agent that records the `Authorization` header of each dispatched chat request. */
function recordingAgent(sends: Sends): Dispatcher {
  agent = new Agent();
  return agent.compose((dispatch) => (options, handler) => {
    const headers = options.headers as Record<string, string> | undefined;
    const body = typeof options.body === 'string' ? JSON.parse(options.body) : undefined;
    const prompt: string | undefined = body?.messages?.[0]?.content;
    if (prompt !== undefined) {
      const key = (headers?.authorization ?? '').replace(/^Bearer /, '');
      sends.set(prompt, [...(sends.get(prompt) ?? []), key]);
    }
    return dispatch(options, handler);
  });
}

async function start(options: {
  latencyMs: number;
}): Promise<{ live: CerebrasTransport; sends: Sends; lines: string[] }> {
  volume = createSecretVolume(OLD_KEY);
  server = await createMockCerebrasServer({ apiKey: OLD_KEY, latency: { kind: 'fixed', ms: options.latencyMs } });
  const config = loadConfig({
    env: { CEREBRAS_API_KEY_FILE: volume.keyPath, CEREBRAS_BASE_URL: server.url, ACPT_MOCK_MODE: 'false' },
  });
  const sends: Sends = new Map();
  const lines: string[] = [];
  transport = createCerebrasTransport({ config, dispatcher: recordingAgent(sends), log: (line) => lines.push(line) });
  return { live: transport, sends, lines };
}

const ask = (live: CerebrasTransport, prompt: string) =>
  live.complete({ messages: [{ role: 'user', content: prompt }] });

function nextKeyEvent(live: CerebrasTransport, accept: (event: ApiKeyEvent) => boolean): Promise<ApiKeyEvent> {
  return new Promise((resolve) => {
    const stop = live.onKeyEvent((event) => {
      if (accept(event)) {
        stop();
        resolve(event);
      }
    });
  });
}

describe('rotation of a mounted key file (Kubernetes ..data swap)', () => {
  it('loses no request while the key is swapped under in-flight requests, and retries each at most once', async () => {
    const { live, sends } = await start({ latencyMs: 40 });
    const prompts = (from: number, count: number) => Array.from({ length: count }, (_, i) => `request ${from + i}`);
    const inFlight = prompts(0, 12).map((prompt) => ask(live, prompt));
    await vi.waitFor(() => expect(server?.requestCount).toBe(12));
    const reloaded = nextKeyEvent(live, (event) => event.type === 'key-loaded' && event.changed);
    volume?.rotate(NEW_KEY);
    server?.setApiKey(NEW_KEY);
    const raced = prompts(12, 12).map((prompt) => ask(live, prompt));
    expect(await reloaded).toMatchObject({ reason: expect.stringMatching(/file-change|rejected/) });
    const after = prompts(24, 8).map((prompt) => ask(live, prompt));
    const responses = await Promise.all([...inFlight, ...raced, ...after]);
    expect(responses).toHaveLength(32);
    expect(responses.every((response) => response.text.startsWith('Mock reply to "request'))).toBe(true);
    for (const prompt of prompts(0, 12)) expect(sends.get(prompt)).toEqual([OLD_KEY]);
    for (const prompt of prompts(12, 12)) expect(sends.get(prompt)).toEqual([OLD_KEY, NEW_KEY]);
    for (const prompt of prompts(24, 8)) expect(sends.get(prompt)).toEqual([NEW_KEY]);
    expect(live.keyStatus()).toMatchObject({ kind: 'file', watching: true, rotations: 1, failures: 0 });
    expect(JSON.stringify(live.keyStatus())).not.toContain(NEW_KEY);
  });

  it('retries a refused stream once with the new key before anything was delivered', async () => {
    const { live, sends } = await start({ latencyMs: 0 });
    volume?.rotate(NEW_KEY);
    server?.setApiKey(NEW_KEY);
    let text = '';
    for await (const event of live.stream({ messages: [{ role: 'user', content: 'stream me' }] })) {
      if (event.type === 'text-delta') text += event.text;
    }
    expect(text).toMatch(/^Mock reply to "stream me"/);
    expect(sends.get('stream me')).toEqual([OLD_KEY, NEW_KEY]);
  });

  it('keeps the old key when the rotated file is world-readable: the 401 stays, typed, after one re-read', async () => {
    const { live, sends, lines } = await start({ latencyMs: 0 });
    const refused = nextKeyEvent(live, (event) => event.type === 'key-load-failed');
    volume?.rotate(NEW_KEY, 0o644);
    server?.setApiKey(NEW_KEY);
    expect(await refused).toMatchObject({ keptPreviousKey: true });
    const error = await rejectionOf(() => ask(live, 'after a bad rotation'));
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401 });
    expect(sends.get('after a bad rotation')).toEqual([OLD_KEY]);
    expect(live.keyStatus().lastProblem?.problem).toContain('readable by every user');
    expect(lines.join('\n')).toMatch(/mode 644, readable by every user.*the key in use is kept/);
    expectNoSecret([error, live.keyStatus(), lines], [OLD_KEY, NEW_KEY]);
  });

  it('re-reads the key file on 401 even when it is not watched, and checks models with the new key', async () => {
    volume = createSecretVolume(OLD_KEY);
    server = await createMockCerebrasServer({ apiKey: OLD_KEY });
    const config = loadConfig({
      env: { CEREBRAS_API_KEY_FILE: volume.keyPath, CEREBRAS_BASE_URL: server.url, ACPT_MOCK_MODE: 'false' },
    });
    transport = createCerebrasTransport({ config, watchKeyFile: false, env: {} });
    volume.rotate(NEW_KEY);
    server.setApiKey(NEW_KEY);
    expect(transport.keyStatus().watching).toBe(false);
    await transport.checkModel();
    expect((await ask(transport, 'unwatched')).text).toMatch(/^Mock reply/);
    expect(transport.keyStatus().rotations).toBe(1);
  });
});
