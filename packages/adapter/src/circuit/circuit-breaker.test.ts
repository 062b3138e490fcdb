import { CircuitOpenError, type CircuitStateEvent } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpStatusError } from '../__fixtures__/errors.ts';
import { harness, settle } from '../__fixtures__/harness.ts';
import { CircuitBreaker } from './circuit-breaker.ts';

describe('CircuitBreaker', () => {
  it('opens after the threshold, lets one probe through after the cool-down, closes on its success', () => {
    const changes: CircuitStateEvent[] = [];
    const breaker = new CircuitBreaker(
      () => ({ failureThreshold: 2, cooldownMs: 1_000 }),
      (event) => changes.push(event),
    );
    breaker.recordFailure(0);
    expect(breaker.tryPass(0)).toBe(true);
    breaker.recordFailure(10);
    expect(breaker.state).toBe('open');
    expect(breaker.tryPass(1_009)).toBe(false);
    expect(breaker.tryPass(1_010)).toBe(true);
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryPass(1_010)).toBe(false);
    breaker.recordSuccess(1_020);
    expect(breaker.state).toBe('closed');
    expect(changes.map((change) => `${change.from}>${change.to}`)).toEqual([
      'closed>open',
      'open>half-open',
      'half-open>closed',
    ]);
  });

  it('opens again when the probe fails, and frees the probe when it is aborted', () => {
    const breaker = new CircuitBreaker(
      () => ({ failureThreshold: 1, cooldownMs: 100 }),
      () => undefined,
    );
    breaker.recordFailure(0);
    expect(breaker.tryPass(100)).toBe(true);
    breaker.releaseProbe();
    expect(breaker.tryPass(100)).toBe(true);
    breaker.recordFailure(150);
    expect(breaker.snapshot()).toEqual({ state: 'open', consecutiveFailures: 2, openedAtMs: 150, retryAtMs: 250 });
    expect(breaker.tryPass(249)).toBe(false);
  });
});

describe('circuit breaking in the adapter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes open → half-open → closed, sending requests to the fallback without waiting while open', async () => {
    let healthy = false;
    const { adapter, live, of } = harness({
      config: {
        fallback: 'mock',
        retry: { maxRetries: 0 },
        circuitBreaker: { failureThreshold: 2, cooldownMs: 1_000 },
      },
      live: () => (healthy ? { kind: 'ok', text: 'live' } : { kind: 'error', error: httpStatusError(503) }),
      mock: [{ kind: 'ok', text: 'mock' }],
    });
    for (const prompt of ['a', 'b']) {
      expect((await settle(adapter.generate(prompt))).value?.fallback).toEqual({ reason: 'retries_exhausted' });
    }
    expect(adapter.diagnostics().circuit.state).toBe('open');
    const whileOpen = await settle(adapter.generate('c'));
    expect(whileOpen.value).toMatchObject({ text: 'mock', fallback: { reason: 'circuit_open' }, attempts: 1 });
    expect(live?.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    healthy = true;
    const probe = await settle(adapter.generate('d'));
    expect(probe.value).toMatchObject({ text: 'live', attempts: 1 });
    expect(probe.value?.fallback).toBeUndefined();
    expect(adapter.diagnostics().circuit).toEqual({ state: 'closed', consecutiveFailures: 0 });
    expect(of('circuit-state').map((event) => event.to)).toEqual(['open', 'half-open', 'closed']);
    expect(adapter.diagnostics().fallbacksByReason).toMatchObject({ retries_exhausted: 2, circuit_open: 1 });
  });

  it('stops a request retrying once the circuit opens, and with policy throw rejects with CircuitOpenError', async () => {
    const { adapter, live } = harness({
      config: { retry: { maxRetries: 5 }, circuitBreaker: { failureThreshold: 2, cooldownMs: 60_000 } },
      live: [{ kind: 'error', error: httpStatusError(500) }],
    });
    const first = settle(adapter.generate('a'));
    await vi.advanceTimersByTimeAsync(100);
    expect((await first).error).toMatchObject({ code: 'ACPT_RETRIES_EXHAUSTED', reason: 'circuit-open' });
    expect(live?.calls).toHaveLength(2);
    const second = await settle(adapter.generate('b'));
    expect(CircuitOpenError.isInstance(second.error)).toBe(true);
    expect(live?.calls).toHaveLength(2);
  });

  it('a failed probe reopens the circuit and the request falls back', async () => {
    const { adapter, of } = harness({
      config: { fallback: 'mock', retry: { maxRetries: 3 }, circuitBreaker: { failureThreshold: 1, cooldownMs: 500 } },
      live: [{ kind: 'error', error: httpStatusError(500) }],
      mock: [{ kind: 'ok' }],
    });
    await settle(adapter.generate('a'));
    await vi.advanceTimersByTimeAsync(500);
    const probe = await settle(adapter.generate('b'));
    expect(probe.value?.fallback).toEqual({ reason: 'circuit_open' });
    expect(of('circuit-state').map((event) => event.to)).toEqual(['open', 'half-open', 'open']);
  });

  it('a request-shaped 400 neither opens nor closes the circuit', async () => {
    const { adapter } = harness({
      config: { circuitBreaker: { failureThreshold: 1, cooldownMs: 1_000 } },
      live: [{ kind: 'error', error: httpStatusError(400) }],
    });
    await settle(adapter.generate('a'));
    await settle(adapter.generate('b'));
    expect(adapter.diagnostics().circuit).toEqual({ state: 'closed', consecutiveFailures: 0 });
  });

  it('a probe aborted by its caller frees the probe for the next request', async () => {
    const { adapter, live } = harness({
      config: { retry: { maxRetries: 0 }, circuitBreaker: { failureThreshold: 1, cooldownMs: 100 } },
      live: [{ kind: 'error', error: httpStatusError(500) }, { kind: 'hang' }, { kind: 'ok', text: 'back' }],
    });
    await settle(adapter.generate('a'));
    await vi.advanceTimersByTimeAsync(100);
    const controller = new AbortController();
    const probe = settle(adapter.generate('probe', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1);
    expect(CircuitOpenError.isInstance((await settle(adapter.generate('while probing'))).error)).toBe(true);
    controller.abort(new Error('stop'));
    expect((await probe).error).toEqual(new Error('stop'));
    const next = await settle(adapter.generate('next'));
    expect(next.value?.text).toBe('back');
    expect(live?.calls).toHaveLength(3);
    expect(adapter.diagnostics().circuit.state).toBe('closed');
  });
});
