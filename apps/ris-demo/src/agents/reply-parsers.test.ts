import { describe, expect, it } from 'vitest';
import { nomaReplyJsonSchema, nomaReplySchema } from './noma-reply.ts';
import { parseReply, type ReplyContext } from './reply-parse.ts';
import { risReplyJsonSchema, risReplySchema } from './ris-reply.ts';
import { v2iReplyJsonSchema, v2iReplySchema } from './v2i-reply.ts';

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

describe('RIS replies', () => {
  it('accepts weighted vehicles', () => {
    expect(parseReply('{"favour":[{"vehicleId":"v2","weight":2}]}', risReplySchema(context))).toEqual({
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
    const result = parseReply(text, risReplySchema(context));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.join('; ')).toContain(issue);
  });
});

describe('NOMA replies', () => {
  const pair = (fields: Record<string, unknown>) =>
    JSON.stringify({
      pairs: [{ rsuId: 'r1', nearVehicleId: 'v1', farVehicleId: 'v2', farPowerShare: 0.7, ...fields }],
    });

  it('accepts a pair on the serving RSU', () => {
    expect(parseReply(pair({}), nomaReplySchema(context)).ok).toBe(true);
  });

  it.each([
    [{ farPowerShare: 1 }, 'farPowerShare'],
    [{ farVehicleId: 'v1' }, 'near and far vehicle must differ'],
    [{ farVehicleId: 'v3' }, 'both vehicles must be served by the pair RSU'],
  ])('rejects %j', (fields, issue) => {
    const result = parseReply(pair(fields), nomaReplySchema(context));
    expect(result.ok ? '' : result.issues.join('; ')).toContain(issue);
  });

  it('rejects a vehicle in two pairs', () => {
    const text = JSON.stringify({
      pairs: [
        { rsuId: 'r1', nearVehicleId: 'v1', farVehicleId: 'v2', farPowerShare: 0.7 },
        { rsuId: 'r1', nearVehicleId: 'v2', farVehicleId: 'v1', farPowerShare: 0.7 },
      ],
    });
    const result = parseReply(text, nomaReplySchema(context));
    expect(result.ok ? '' : result.issues.join('; ')).toContain('each vehicle in at most one pair');
  });
});

describe('V2I replies', () => {
  it('accepts a handover to another RSU and rejects one to the serving RSU', () => {
    expect(parseReply('{"handovers":[{"vehicleId":"v1","targetRsuId":"r2"}]}', v2iReplySchema(context)).ok).toBe(true);
    const result = parseReply('{"handovers":[{"vehicleId":"v1","targetRsuId":"r1"}]}', v2iReplySchema(context));
    expect(result.ok ? '' : result.issues.join('; ')).toContain('target is the serving RSU');
  });
});
