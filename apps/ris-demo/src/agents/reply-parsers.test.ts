import { describe, expect, it } from 'vitest';
import { nomaReplyJsonSchema, parseNomaReply } from './noma-reply.ts';
import type { ReplyContext } from './reply-parse.ts';
import { parseRisReply, risReplyJsonSchema } from './ris-reply.ts';
import { parseV2iReply, v2iReplyJsonSchema } from './v2i-reply.ts';

const context: ReplyContext = {
  vehicleIds: ['v1', 'v2', 'v3'],
  rsuIds: ['r1', 'r2'],
  servingRsu: { v1: 'r1', v2: 'r1', v3: 'r2' },
};

/** Every object in a JSON schema must forbid extra keys and require every property (Cerebras strict mode). */
function assertStrict(schema: unknown): void {
  if (Array.isArray(schema)) {
    for (const item of schema) assertStrict(item);
    return;
  }
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as Record<string, unknown>;
  if (node['type'] === 'object') {
    expect(node['additionalProperties']).toBe(false);
    expect([...(node['required'] as string[])].sort()).toEqual(Object.keys(node['properties'] as object).sort());
  }
  for (const forbidden of ['pattern', 'minLength', 'maxLength', 'definitions'])
    expect(node).not.toHaveProperty(forbidden);
  expect(Array.isArray(node['type'])).toBe(false);
  for (const value of Object.values(node)) assertStrict(value);
}

describe('agent reply schemas', () => {
  it('follow the structured-output rules at every level', () => {
    for (const schema of [risReplyJsonSchema(context), nomaReplyJsonSchema(context), v2iReplyJsonSchema(context)]) {
      assertStrict(schema);
    }
  });
});

describe('parseRisReply', () => {
  it('accepts weighted vehicles', () => {
    expect(parseRisReply('{"favour":[{"vehicleId":"v2","weight":2}]}', context)).toEqual({
      ok: true,
      action: { favour: [{ vehicleId: 'v2', weight: 2 }] },
    });
  });

  it.each([
    ['not json', 'reply is not JSON'],
    ['{"favour":[{"vehicleId":"v9","weight":1}]}', 'favour.0.vehicleId'],
    ['{"favour":[{"vehicleId":"v1","weight":0}]}', 'favour.0.weight'],
    ['{"favour":[{"vehicleId":"v1","weight":1},{"vehicleId":"v1","weight":2}]}', 'each vehicle at most once'],
    ['{"favour":[],"extra":1}', 'extra'],
  ])('rejects %s', (text, issue) => {
    const result = parseRisReply(text, context);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.join('; ')).toContain(issue);
  });
});

describe('parseNomaReply', () => {
  const pair = (fields: Record<string, unknown>) =>
    JSON.stringify({
      pairs: [{ rsuId: 'r1', nearVehicleId: 'v1', farVehicleId: 'v2', farPowerShare: 0.7, ...fields }],
    });

  it('accepts a pair on the serving RSU', () => {
    expect(parseNomaReply(pair({}), context).ok).toBe(true);
  });

  it.each([
    [{ farPowerShare: 1 }, 'farPowerShare'],
    [{ farVehicleId: 'v1' }, 'near and far vehicle must differ'],
    [{ farVehicleId: 'v3' }, 'both vehicles must be served by the pair RSU'],
  ])('rejects %j', (fields, issue) => {
    const result = parseNomaReply(pair(fields), context);
    expect(result.ok ? '' : result.issues.join('; ')).toContain(issue);
  });

  it('rejects a vehicle in two pairs', () => {
    const text = JSON.stringify({
      pairs: [
        { rsuId: 'r1', nearVehicleId: 'v1', farVehicleId: 'v2', farPowerShare: 0.7 },
        { rsuId: 'r1', nearVehicleId: 'v2', farVehicleId: 'v1', farPowerShare: 0.7 },
      ],
    });
    const result = parseNomaReply(text, context);
    expect(result.ok ? '' : result.issues.join('; ')).toContain('each vehicle in at most one pair');
  });
});

describe('parseV2iReply', () => {
  it('accepts a handover to another RSU and rejects one to the serving RSU', () => {
    expect(parseV2iReply('{"handovers":[{"vehicleId":"v1","targetRsuId":"r2"}]}', context).ok).toBe(true);
    const result = parseV2iReply('{"handovers":[{"vehicleId":"v1","targetRsuId":"r1"}]}', context);
    expect(result.ok ? '' : result.issues.join('; ')).toContain('target is the serving RSU');
  });
});
