import type { ChatRequest } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import type { NomaView, RisView, V2iView } from './agent-views.ts';
import { createMockResponder } from './mock-responder.ts';

const risView: RisView = {
  agent: 'ris',
  step: 3,
  ris: { elements: 256, phaseBits: 2, favour: [] },
  vehicles: [
    { id: 'v1', rsu: 'r1', sinrDb: 20, risPotentialDb: 3 },
    { id: 'v2', rsu: 'r1', sinrDb: -2, risPotentialDb: 6 },
    { id: 'v3', rsu: 'r2', sinrDb: 5, risPotentialDb: 0.1 },
    { id: 'v4', rsu: 'r2', sinrDb: 12, risPotentialDb: 2 },
  ],
};
const nomaView: NomaView = {
  agent: 'noma',
  step: 3,
  sicResidual: 0,
  rsus: [
    {
      id: 'r1',
      users: [
        { id: 'v1', gainDb: 30 },
        { id: 'v5', gainDb: 14 },
        { id: 'v2', gainDb: 0 },
      ],
    },
    {
      id: 'r2',
      users: [
        { id: 'v4', gainDb: 10 },
        { id: 'v3', gainDb: 9 },
      ],
    },
  ],
};
const v2iView: V2iView = {
  agent: 'v2i',
  step: 3,
  a3: { offsetDb: 3, hysteresisDb: 1, timeToTriggerS: 0.16 },
  vehicles: Array.from({ length: 40 }, (_, index) => ({
    id: `v${index}`,
    rsu: 'r1',
    rsrpDbm: { r1: -80, r2: -70 },
    a3: index % 2 === 0 ? ['r2'] : [],
    speedMps: 20,
  })),
};

function request(view: unknown, name = 'x_decision'): ChatRequest {
  return {
    messages: [
      { role: 'system', content: 'instructions' },
      { role: 'user', content: `Observation (JSON):\n${JSON.stringify(view)}` },
    ],
    responseFormat: { type: 'json_schema', jsonSchema: { name, schema: {} } },
  };
}

const context = { seed: 7, index: 0, model: 'gpt-oss-120b' };

describe('mock responder', () => {
  const respond = createMockResponder();

  it('favours the weakest vehicles the RIS can help, weighted by their SINR deficit', () => {
    const reply = JSON.parse(respond(request(risView), context));
    expect(reply).toEqual({ favour: [{ vehicleId: 'v2', weight: 2.4 }] });
  });

  it('pairs strong with weak users when the gain contrast is large enough, with α from the far user gain', () => {
    const reply = JSON.parse(respond(request(nomaView), context));
    expect(reply.pairs).toHaveLength(1);
    expect(reply.pairs[0]).toMatchObject({ rsuId: 'r1', nearVehicleId: 'v1', farVehicleId: 'v2' });
    expect(reply.pairs[0].farPowerShare).toBeGreaterThanOrEqual(0.58);
    expect(reply.pairs[0].farPowerShare).toBeLessThanOrEqual(0.64);
  });

  it('accepts most A3-triggered handovers and refuses a seeded few', () => {
    const handovers = JSON.parse(respond(request(v2iView), context)).handovers as { vehicleId: string }[];
    expect(handovers.every((handover) => Number(handover.vehicleId.slice(1)) % 2 === 0)).toBe(true);
    expect(handovers.length).toBeGreaterThan(12);
    expect(handovers.length).toBeLessThan(20);
    const otherSeed = JSON.parse(respond(request(v2iView), { ...context, seed: 8 })).handovers;
    expect(otherSeed).not.toEqual(handovers);
  });

  it('is a pure function of the request and the seed', () => {
    expect(respond(request(nomaView), context)).toBe(respond(request(nomaView), { ...context, index: 9 }));
  });

  it('answers the adapter templated formats: a packed batch and a single re-ask', () => {
    const packed: ChatRequest = {
      messages: [
        {
          role: 'user',
          content: JSON.stringify([
            { id: 'ris', input: risView },
            { id: 'v2i', input: v2iView },
          ]),
        },
      ],
      responseFormat: { type: 'json_schema', jsonSchema: { name: 'acpt_templated_answers', schema: {} } },
    };
    const answers = JSON.parse(respond(packed, context)).answers;
    expect(answers.map((answer: { id: string }) => answer.id)).toEqual(['ris', 'v2i']);
    expect(answers[0].answer).toEqual({ favour: [{ vehicleId: 'v2', weight: 2.4 }] });
    const single: ChatRequest = {
      messages: [{ role: 'user', content: JSON.stringify(risView) }],
      responseFormat: { type: 'json_schema', jsonSchema: { name: 'acpt_templated_answer', schema: {} } },
    };
    expect(JSON.parse(respond(single, context))).toEqual({ answer: answers[0].answer });
  });

  it('replies with plain text (an invalid reply) to a prompt without an agent view', () => {
    expect(respond(request({ agent: 'radar' }), context)).toMatch(/^mock responder: cannot read the observation/);
    expect(respond({ messages: [{ role: 'user', content: 'hello' }] }, context)).toMatch(/^mock responder:/);
  });

  it('uses swapped decisions', () => {
    const swapped = createMockResponder({ decisions: { ris: () => ({ favour: [{ vehicleId: 'v1', weight: 1 }] }) } });
    expect(JSON.parse(swapped(request(risView), context))).toEqual({ favour: [{ vehicleId: 'v1', weight: 1 }] });
    expect(swapped(request(nomaView), context)).toBe(respond(request(nomaView), context));
  });
});
