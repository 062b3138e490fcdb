import { ConfigError } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScriptedTransport } from '../__fixtures__/scripted-transport.ts';
import { testConfig } from '../__fixtures__/test-config.ts';
import { createAdapter } from '../create-adapter.ts';
import { CerebrasLLMAdapter } from './cerebras-llm-adapter.ts';

const clock = { now: (): number => Date.now() };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CerebrasLLMAdapter', () => {
  it('answers a prompt over the live transport and reports it', async () => {
    const transport = createScriptedTransport([{ kind: 'ok', text: 'hello', latencyMs: 20 }]);
    const adapter = createAdapter({ config: testConfig(), transport, clock });
    const events: string[] = [];
    for (const name of ['request-start', 'attempt-start', 'attempt-end', 'request-end'] as const) {
      adapter.on(name, () => events.push(name));
    }
    const pending = adapter.generate('hi', { system: 'be brief', attributes: { agent: 'ris' } });
    await vi.advanceTimersByTimeAsync(20);
    const response = await pending;
    expect(response).toMatchObject({ text: 'hello', attempts: 1, requestId: 'req-1', budgetExceeded: false });
    expect(response.fallback).toBeUndefined();
    expect(transport.calls[0]?.request.messages).toEqual([
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'hi' },
    ]);
    expect(transport.calls[0]?.request.maxCompletionTokens).toBe(1024);
    expect(events).toEqual(['request-start', 'attempt-start', 'attempt-end', 'request-end']);
    const diagnostics = adapter.diagnostics();
    expect(diagnostics.counts).toEqual({
      submitted: 1,
      succeeded: 1,
      fellBack: 0,
      failed: 0,
      aborted: 0,
      inFlight: 0,
      queued: 0,
    });
    expect(diagnostics.latencyMs.count).toBe(1);
    expect(diagnostics.latencyMs.max).toBe(20);
    expect(diagnostics.tokens).toEqual({ prompt: 10, completion: 5, total: 15 });
    expect(JSON.parse(JSON.stringify(diagnostics))).toEqual(diagnostics);
    await adapter.close();
    expect(transport.closed).toBe(1);
  });

  it('refuses a configuration whose path has no transport', () => {
    expect(() => new CerebrasLLMAdapter(testConfig(), {})).toThrow(ConfigError);
    expect(
      () => new CerebrasLLMAdapter(testConfig({ fallback: 'mock' }), { transport: createScriptedTransport([]) }),
    ).toThrow(/mockTransport/);
    expect(
      () => new CerebrasLLMAdapter(testConfig({ mockMode: true }), { transport: createScriptedTransport([]) }),
    ).toThrow(/mock mode/);
  });
});
