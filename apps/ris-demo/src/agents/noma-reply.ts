import * as v from 'valibot';
import type { NomaAction } from '../scenario/actions.ts';
import type { ReplyContext } from './reply-parse.ts';

/** The JSON schema of a NOMA agent reply, strict per Cerebras' structured-output rules. */
export function nomaReplyJsonSchema(context: ReplyContext): Record<string, unknown> {
  const vehicle = { type: 'string', enum: [...context.vehicleIds] };
  return {
    type: 'object',
    additionalProperties: false,
    required: ['pairs'],
    properties: {
      pairs: {
        type: 'array',
        description:
          'NOMA pairs; both vehicles must be served by the pair RSU, each vehicle in at most one pair. Unpaired vehicles use OMA.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['rsuId', 'nearVehicleId', 'farVehicleId', 'farPowerShare'],
          properties: {
            rsuId: { type: 'string', enum: [...context.rsuIds] },
            nearVehicleId: { ...vehicle, description: 'the stronger (higher gain) user, decodes by SIC' },
            farVehicleId: { ...vehicle, description: 'the weaker user' },
            farPowerShare: { type: 'number', description: "alpha in (0, 1): the far user's share of RSU power" },
          },
        },
      },
    },
  };
}

/** The valibot schema of a NOMA agent reply, checked against the identifiers of the observation. */
export function nomaReplySchema(context: ReplyContext): v.GenericSchema<unknown, NomaAction> {
  const pair = v.pipe(
    v.strictObject({
      rsuId: v.picklist(context.rsuIds),
      nearVehicleId: v.picklist(context.vehicleIds),
      farVehicleId: v.picklist(context.vehicleIds),
      farPowerShare: v.pipe(v.number(), v.finite(), v.gtValue(0), v.ltValue(1)),
    }),
    v.check((item) => item.nearVehicleId !== item.farVehicleId, 'near and far vehicle must differ'),
    v.check(
      (item) =>
        context.servingRsu[item.nearVehicleId] === item.rsuId && context.servingRsu[item.farVehicleId] === item.rsuId,
      'both vehicles must be served by the pair RSU',
    ),
  );
  const schema = v.strictObject({
    pairs: v.pipe(
      v.array(pair),
      v.check((pairs) => {
        const vehicles = pairs.flatMap((item) => [item.nearVehicleId, item.farVehicleId]);
        return new Set(vehicles).size === vehicles.length;
      }, 'each vehicle in at most one pair'),
    ),
  });
  return schema;
}
