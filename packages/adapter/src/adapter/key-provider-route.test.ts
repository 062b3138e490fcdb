import type { ApiKeyStatus, Transport } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { harness, settle } from '../__fixtures__/harness.ts';
import { testConfig } from '../__fixtures__/test-config.ts';
import { createAdapter } from '../create-adapter.ts';

describe('a key provider instead of a key', () => {
  it('counts as a key: requests go live, not to the no_api_key fallback', async () => {
    const { adapter, live, mock } = harness({
      config: { mockMode: true, apiKey: async () => 'csk-from-a-secret-manager-0000' },
      useMock: false,
      live: [{ kind: 'ok', text: 'live' }],
      mock: [{ kind: 'ok', text: 'mock' }],
    });
    expect(adapter.config.apiKey).toBeUndefined();
    expect(adapter.config.apiKeyProvider).toBeDefined();
    expect(adapter.mode).toBe('live');
    const { value } = await settle(adapter.generate('hi'));
    expect(value).toMatchObject({ text: 'live' });
    expect(value?.fallback).toBeUndefined();
    expect(live?.calls).toHaveLength(1);
    expect(mock?.calls).toHaveLength(0);
  });
});

describe('diagnostics().apiKey', () => {
  it('carries the live transport key status (never the key), and is absent when the transport reports none', async () => {
    const status: ApiKeyStatus = {
      source: 'file /run/secrets/cerebras/api-key',
      kind: 'file',
      watching: true,
      ttlMs: undefined,
      loadedAtMs: 1_765_000_000_000,
      rotations: 2,
      failures: 1,
      lastProblem: {
        timestampMs: 1_765_000_001_000,
        problem: 'key file refused: … (mode 644, readable by every user)',
      },
    };
    const reply = { id: 'r', model: 'm', text: 'ok', finishReason: 'stop' } as never;
    const live: Transport = {
      provider: 'cerebras',
      complete: async () => reply,
      stream: () => ({ [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }) }),
      close: async () => undefined,
      keyStatus: () => status,
    };
    const adapter = createAdapter({ config: testConfig(), transport: live });
    expect(adapter.diagnostics().apiKey).toEqual(status);
    expect(JSON.parse(JSON.stringify(adapter.diagnostics())).apiKey.rotations).toBe(2);
    await adapter.close();
    const plain = createAdapter({ config: testConfig(), transport: { ...live, keyStatus: undefined } });
    expect(plain.diagnostics().apiKey).toBeUndefined();
    await plain.close();
  });
});
