import { RetryExhaustedError } from '@acpt/config';
import type { MockCerebrasServerOptions } from '@acpt/transport-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { LOOPBACK_API_KEY, startLoopbackAdapter } from '../__fixtures__/loopback-adapter.ts';
import type { CerebrasLLMAdapter } from '../adapter/cerebras-llm-adapter.ts';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP')).length;
}

/** The real transport against the mock server over 127.0.0.1, with the in-process mock as fallback. */
async function loopback(
  server: MockCerebrasServerOptions = {},
  config: Record<string, unknown> = {},
): Promise<{ adapter: CerebrasLLMAdapter; requestCount: () => number }> {
  const started = await startLoopbackAdapter(server, config);
  cleanups.push(started.close);
  return started;
}

describe('end to end over loopback (real transport, mock server)', () => {
  it('generates and streams, reporting usage and rate-limit state', async () => {
    const { adapter } = await loopback({ rateLimits: { tokensPerMinute: 1_000_000, requestsPerMinute: 1_000 } });
    const response = await adapter.generate('Pick a RIS phase profile.');
    expect(response).toMatchObject({ provider: 'cerebras', attempts: 1, requestId: 'req-1' });
    expect(response.text.length).toBeGreaterThan(0);
    const deltas: string[] = [];
    let final: string | undefined;
    for await (const event of adapter.stream('Stream a short answer.')) {
      if (event.type === 'text-delta') deltas.push(event.text);
      if (event.type === 'finish') final = event.response.text;
    }
    expect(deltas.join('')).toBe(final);
    const diagnostics = adapter.diagnostics();
    expect(diagnostics.counts).toMatchObject({ submitted: 2, succeeded: 2 });
    expect(diagnostics.tokens.total).toBeGreaterThan(0);
    expect(diagnostics.rateLimits.last?.tokens.minute?.limit).toBe(1_000_000);
    expect(diagnostics.timeToFirstTokenMs.count).toBe(1);
    expect(JSON.stringify(diagnostics)).not.toContain(LOOPBACK_API_KEY);
  });

  it('retries a 500 and a reset connection, then succeeds', async () => {
    const { adapter, requestCount } = await loopback({
      faults: [
        { kind: 'server-error', at: [0] },
        { kind: 'connection-reset', at: [1] },
      ],
    });
    const response = await adapter.generate('hi');
    expect(response.attempts).toBe(3);
    expect(requestCount()).toBe(3);
    expect(adapter.diagnostics().retriesByReason).toEqual({ '500': 1, network: 1 });
  });

  it('does not retry a 401: it rejects with AuthenticationError, and falls back only when fallbackOn names it', async () => {
    const strict = await loopback({ faults: [{ kind: 'unauthorized' }] }, { fallback: 'mock' });
    await expect(strict.adapter.generate('hi')).rejects.toMatchObject({ name: 'AuthenticationError', status: 401 });
    expect(strict.adapter.diagnostics().configurationFailures).toMatchObject([
      { status: 401, errorCode: 'wrong_api_key', kind: 'access', count: 1, fellBack: 0 },
    ]);
    const lenient = await loopback(
      { faults: [{ kind: 'unauthorized' }] },
      { fallback: 'mock', fallbackOn: { access: true } },
    );
    const response = await lenient.adapter.generate('hi');
    expect(response).toMatchObject({ provider: 'acpt.mock', fallback: { reason: 'configuration_error' }, attempts: 2 });
  });

  it('does not retry a stream cut after content reached the caller', async () => {
    const { adapter, requestCount } = await loopback({ faults: [{ kind: 'stream-truncated' }] }, { fallback: 'mock' });
    const deltas: string[] = [];
    let error: unknown;
    try {
      for await (const event of adapter.stream('A long answer, please, with several chunks of text in it.')) {
        if (event.type === 'text-delta') deltas.push(event.text);
      }
    } catch (caught) {
      error = caught;
    }
    expect(deltas.length).toBeGreaterThan(0);
    expect(RetryExhaustedError.isInstance(error) && error.reason).toBe('stream-already-delivered');
    expect(requestCount()).toBe(1);
  });

  it('aborts the socket on a caller abort, and leaves no socket open after close()', async () => {
    await new Promise((resolve) => setImmediate(resolve));
    const before = tcpHandles();
    const { adapter } = await loopback({ latency: { kind: 'fixed', ms: 2_000 } });
    const controller = new AbortController();
    const pending = adapter.generate('slow', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await expect(pending).rejects.toThrow('caller gave up');
    expect(adapter.diagnostics().counts).toMatchObject({ aborted: 1, inFlight: 0 });
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await new Promise((resolve) => setImmediate(resolve));
    expect(tcpHandles()).toBeLessThanOrEqual(before);
  });
});
