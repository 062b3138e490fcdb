import { describe, expect, it } from 'vitest';
import { harness, settle } from '../__fixtures__/harness.ts';

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
