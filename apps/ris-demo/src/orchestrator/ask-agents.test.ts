import { createAdapter } from '@acpt/adapter';
import { type ChatRequest, parseConfig } from '@acpt/config';
import { createMockTransport, type MockResponder } from '@acpt/transport-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AGENTS } from '../agents/agent-definitions.ts';
import { AGENT_HEURISTICS } from '../agents/agent-heuristics.ts';
import { createMockResponder } from '../agents/mock-responder.ts';
import { createSimulation } from '../scenario/create-simulation.ts';
import { askAgents } from './ask-agents.ts';
import { DEFAULT_KPI_WEIGHTS } from './kpi-weights.ts';
import { createLlmCallLog } from './llm-call-log.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function setUp(responder: MockResponder, options: { faults?: boolean } = {}) {
  const requests: ChatRequest[] = [];
  const recording: MockResponder = (request, context) => {
    requests.push(request);
    return responder(request, context);
  };
  const mockTransport = createMockTransport({
    seed: 3,
    responder: recording,
    faults: options.faults ? [{ kind: 'server-error' }] : [],
  });
  const config = parseConfig({ mockMode: true, retry: { maxRetries: 0 }, batching: { batchSize: 3 } });
  const adapter = createAdapter({ config, mockTransport });
  closers.push(() => adapter.close());
  const simulation = createSimulation({ seed: 3 });
  const ask = (batching: 'micro' | 'templated') =>
    askAgents({
      adapter,
      agents: AGENTS,
      observation: simulation.observe(),
      scenario: simulation.scenario,
      weights: DEFAULT_KPI_WEIGHTS,
      batching,
      seed: 3,
    });
  return { adapter, simulation, requests, ask };
}

/** A responder whose RIS decisions name a vehicle that does not exist. */
const badRis = createMockResponder({ decisions: { ris: () => ({ favour: [{ vehicleId: 'v999', weight: 1 }] }) } });

describe('askAgents (micro-batching)', () => {
  it('sends one strict json_schema request per agent, together, and turns valid replies into proposals', async () => {
    const { adapter, requests, ask } = setUp(createMockResponder());
    const log = createLlmCallLog(adapter);
    const replies = await ask('micro');
    expect(replies.map((reply) => [reply.agent, reply.status])).toEqual([
      ['v2i', 'valid'],
      ['ris', 'valid'],
      ['noma', 'valid'],
    ]);
    expect(requests.map((request) => request.responseFormat)).toMatchObject([
      { type: 'json_schema', jsonSchema: { name: 'v2i_decision', strict: true } },
      { type: 'json_schema', jsonSchema: { name: 'ris_decision', strict: true } },
      { type: 'json_schema', jsonSchema: { name: 'noma_decision', strict: true } },
    ]);
    expect(requests[1]!.messages[1]!.content).toMatch(/^Observation \(JSON\):\n\{"agent":"ris","step":0,/);
    const calls = log.take(0);
    expect(calls.map((call) => call.agent).sort()).toEqual(['noma', 'ris', 'v2i']);
    expect(calls.every((call) => call.outcome === 'success' && call.transports.join() === 'acpt.mock')).toBe(true);
    // All three go at once: with free slots nothing waits, so no micro-batch forms (batching never delays them).
    expect(adapter.diagnostics().counts.submitted).toBe(3);
    expect(adapter.diagnostics().batching.microBatches).toBe(0);
  });

  it('counts an invalid reply and uses the heuristic instead', async () => {
    const { simulation, ask } = setUp(badRis);
    const replies = await ask('micro');
    const ris = replies.find((reply) => reply.agent === 'ris')!;
    expect(ris.status).toBe('invalid');
    expect(ris.issues.join(' ')).toContain('favour.0.vehicleId');
    expect(ris.proposal).toEqual(AGENT_HEURISTICS.ris(simulation.observe()));
    expect(replies.filter((reply) => reply.status === 'valid')).toHaveLength(2);
  });

  it('reports a failed request with no proposal', async () => {
    const { ask } = setUp(createMockResponder(), { faults: true });
    const replies = await ask('micro');
    expect(replies.every((reply) => reply.status === 'failed' && reply.proposal === undefined)).toBe(true);
    expect(replies[0]!.error).toMatch(/500/);
  });
});

describe('askAgents (templated batching)', () => {
  it('answers every agent from one packed request', async () => {
    const { requests, ask } = setUp(createMockResponder());
    const replies = await ask('templated');
    expect(replies.map((reply) => reply.status)).toEqual(['valid', 'valid', 'valid']);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.responseFormat).toMatchObject({ jsonSchema: { name: 'acpt_templated_answers' } });
  });

  it('re-asks an invalid item alone, then falls back to the heuristic', async () => {
    const { requests, ask } = setUp(badRis);
    const replies = await ask('templated');
    const ris = replies.find((reply) => reply.agent === 'ris')!;
    expect(ris).toMatchObject({ status: 'invalid', reasked: true });
    expect(ris.issues.join(' ')).toContain('vehicleId');
    expect(requests).toHaveLength(2);
    expect(replies.filter((reply) => reply.status === 'valid' && !reply.reasked)).toHaveLength(2);
  });
});
