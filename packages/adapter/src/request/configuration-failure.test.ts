import { once } from 'node:events';
import { AuthenticationError, NotFoundError, RetryExhaustedError } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpStatusError, networkError, unauthorizedError } from '../__fixtures__/errors.ts';
import { harness, settle } from '../__fixtures__/harness.ts';
import { processWarning } from './configuration-failure.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const url = 'http://127.0.0.1/v1/chat/completions';
const retiredModel = (): NotFoundError =>
  new NotFoundError('HTTP 404: Model qwen-3-32b does not exist', { status: 404, url, errorCode: 'model_not_found' });

describe('mock mode never falls back to itself', () => {
  it("rejects with the mock's typed error, with no fallback event and one attempt", async () => {
    const { adapter, mock, names } = harness({
      config: { mockMode: true, fallback: 'mock' },
      mock: [{ kind: 'error', error: httpStatusError(400) }],
    });
    const { error } = await settle(adapter.generate('hi'));
    expect(error).toMatchObject({ name: 'TransportHttpError', status: 400 });
    expect(RetryExhaustedError.isInstance(error)).toBe(false);
    expect(mock?.calls).toHaveLength(1);
    expect(names()).not.toContain('fallback-start');
    expect(adapter.diagnostics().counts).toMatchObject({ failed: 1, fellBack: 0 });
    expect(adapter.diagnostics().fallbacksByReason.retries_exhausted).toBe(0);
  });

  it('a stream in mock mode rejects the same way', async () => {
    const { adapter, names } = harness({
      config: { mockMode: true, fallback: 'mock' },
      mock: [{ kind: 'error', error: unauthorizedError() }],
    });
    const error = await (async () => {
      for await (const _event of adapter.stream('hi'));
    })().catch((caught: unknown) => caught);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(names()).not.toContain('fallback-start');
  });

  it('retryable mock failures still retry, then reject with RetryExhaustedError and no fallback', async () => {
    const { adapter, mock, names } = harness({
      config: { mockMode: true, fallback: 'mock', retry: { maxRetries: 1 } },
      mock: [{ kind: 'error', error: networkError() }],
    });
    const result = settle(adapter.generate('hi'));
    await vi.advanceTimersByTimeAsync(1_000);
    const { error } = await result;
    expect((error as RetryExhaustedError).reason).toBe('max-retries');
    expect(mock?.calls).toHaveLength(2);
    expect(names()).not.toContain('fallback-start');
  });
});

describe('configuration failures of the live path', () => {
  it.each([
    ['401 wrong key', unauthorizedError, 'access'],
    ['403 not authenticated', () => new AuthenticationError('HTTP 403', { status: 403, url }), 'access'],
    ['404 retired model', retiredModel, 'notFound'],
    ['400 invalid request', () => httpStatusError(400), 'invalidRequest'],
  ] as const)('%s rejects with its typed error by default, without calling the mock', async (_label, error, kind) => {
    const { adapter, live, mock, names, warnings } = harness({
      config: { fallback: 'mock' },
      live: [{ kind: 'error', error: error() }],
      mock: [{ kind: 'ok' }],
    });
    const first = await settle(adapter.generate('a'));
    const expected = error();
    expect(first.error).toMatchObject({ name: expected.name, status: expected.status });
    await settle(adapter.generate('b'));
    expect(live?.calls).toHaveLength(2);
    expect(mock?.calls).toHaveLength(0);
    expect(names()).not.toContain('fallback-start');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`set fallbackOn.${kind}`);
    expect(warnings[0]).not.toContain('csk-test-secret-key-0000');
    const diagnostics = adapter.diagnostics();
    expect(diagnostics.configurationFailures).toMatchObject([{ status: expected.status, kind, count: 2, fellBack: 0 }]);
    expect(diagnostics.counts).toMatchObject({ failed: 2, fellBack: 0 });
  });

  it('falls back when fallbackOn names the kind, with its own reason and a loud MOCK warning', async () => {
    const { adapter, of, warnings } = harness({
      config: { fallback: 'mock', fallbackOn: { notFound: true } },
      live: [{ kind: 'error', error: retiredModel() }],
      mock: [{ kind: 'ok', text: 'mock answer' }],
    });
    const { value } = await settle(adapter.generate('a'));
    expect(value).toMatchObject({ text: 'mock answer', fallback: { reason: 'configuration_error' } });
    await settle(adapter.generate('b'));
    expect(of('fallback-start').map((event) => event.reason)).toEqual(['configuration_error', 'configuration_error']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('the MOCK answers such requests');
    const diagnostics = adapter.diagnostics();
    expect(diagnostics.fallbacksByReason.configuration_error).toBe(2);
    expect(diagnostics.configurationFailures).toMatchObject([
      { status: 404, errorCode: 'model_not_found', kind: 'notFound', count: 2, fellBack: 2 },
    ]);
  });

  it('a switch for another kind does not let this one fall back', async () => {
    const { adapter, mock } = harness({
      config: { fallback: 'mock', fallbackOn: { notFound: true, invalidRequest: true } },
      live: [{ kind: 'error', error: unauthorizedError() }],
      mock: [{ kind: 'ok' }],
    });
    expect((await settle(adapter.generate('a'))).error).toMatchObject({ status: 401 });
    expect(mock?.calls).toHaveLength(0);
  });

  it('with fallback: throw, still rejects with the typed error and records the failure', async () => {
    const { adapter, warnings } = harness({
      config: { fallback: 'throw' },
      live: [{ kind: 'error', error: retiredModel() }],
    });
    expect((await settle(adapter.generate('a'))).error).toMatchObject({ name: 'NotFoundError', status: 404 });
    expect(warnings).toHaveLength(1);
    expect(adapter.diagnostics().configurationFailures).toHaveLength(1);
  });

  it('transient failures keep falling back as before', async () => {
    const { adapter } = harness({
      config: { fallback: 'mock', retry: { maxRetries: 0 } },
      live: [{ kind: 'error', error: httpStatusError(503) }],
      mock: [{ kind: 'ok' }],
    });
    expect((await settle(adapter.generate('a'))).value?.fallback).toEqual({ reason: 'retries_exhausted' });
    expect(adapter.diagnostics().configurationFailures).toBeUndefined();
  });

  it('the default warning goes to process warnings with a stable code', async () => {
    vi.useRealTimers();
    const warned = once(process, 'warning');
    processWarning('acpt: test warning', 'ACPT_CONFIGURATION_FAILURE');
    const [warning] = await warned;
    expect(warning).toMatchObject({ name: 'AcptWarning', code: 'ACPT_CONFIGURATION_FAILURE' });
    expect((warning as Error).message).toBe('acpt: test warning');
  });
});
