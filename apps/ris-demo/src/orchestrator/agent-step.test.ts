import { createAdapter } from '@acpt/adapter';
import { parseConfig, type Transport } from '@acpt/config';
import { createMockTransport } from '@acpt/transport-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AGENTS } from '../agents/agent-definitions.ts';
import { createMockResponder } from '../agents/mock-responder.ts';
import { createSimulation } from '../scenario/create-simulation.ts';
import { runAgentStep } from './agent-step.ts';
import { DEFAULT_KPI_WEIGHTS } from './kpi-weights.ts';
import { createLlmCallLog } from './llm-call-log.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A "live" path that always fails with HTTP 500, and the demo's mock as the fallback. */
function failingLiveAdapter(fallback: 'mock' | 'throw') {
  const config = parseConfig({ mockMode: false, apiKey: 'csk-test', fallback, retry: { maxRetries: 0 } });
  const failing = createMockTransport({ seed: 5, faults: [{ kind: 'server-error' }] });
  const transport: Transport = {
    provider: 'flaky-live',
    complete: (request, options) => failing.complete(request, options),
    stream: (request, options) => failing.stream(request, options),
    close: () => failing.close(),
  };
  const mockTransport = createMockTransport({ seed: 5, responder: createMockResponder() });
  const adapter = createAdapter({ config, transport, mockTransport });
  closers.push(() => adapter.close());
  return adapter;
}

function stepWith(adapter: ReturnType<typeof failingLiveAdapter>, onLlmFailure: 'mock' | 'skip') {
  const simulation = createSimulation({ seed: 5 });
  let now = 0;
  return runAgentStep({
    simulation,
    adapter,
    callLog: createLlmCallLog(adapter),
    clock: { now: () => (now += 40) },
    agents: AGENTS,
    weights: DEFAULT_KPI_WEIGHTS,
    batching: 'micro',
    onLlmFailure,
    budgetMs: 1000,
    seed: 5,
  });
}

describe('runAgentStep', () => {
  it('with policy mock, records that the adapter fallback answered and still applies approved actions', async () => {
    const { record } = await stepWith(failingLiveAdapter('mock'), 'mock');
    expect(record.llm).toMatchObject({
      outcome: 'fallback',
      transports: ['acpt.mock', 'flaky-live'],
      requests: 3,
      attempts: 6,
      fallbackReasons: ['retries_exhausted'],
      invalidReplies: 0,
      measured: { clock: 'wall', latencyMs: 40 },
      adapterPath: null,
    });
    expect(Object.values(record.agents).map((agent) => agent.status)).toEqual(['valid', 'valid', 'valid']);
    expect(Object.keys(record.actions).length).toBeGreaterThan(0);
  });

  it('with policy skip, applies no agent action when the adapter fails and says so', async () => {
    const { record, outcome } = await stepWith(failingLiveAdapter('throw'), 'skip');
    expect(record.llm).toMatchObject({
      outcome: 'skipped',
      requests: 3,
      transports: ['flaky-live'],
      fallbackReasons: [],
    });
    expect(record.actions).toEqual({});
    expect(Object.values(record.agents).map((agent) => [agent.status, agent.approved])).toEqual([
      ['failed', false],
      ['failed', false],
      ['failed', false],
    ]);
    expect(record.agents.ris.error).toMatch(/500/);
    expect(outcome.stepIndex).toBe(0);
  });
});
