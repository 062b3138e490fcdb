import * as v from 'valibot';
import type { V2iAction } from '../scenario/actions.ts';
import { type ReplyContext, uniqueBy } from './reply-parse.ts';

/** The JSON schema of a V2I agent reply, strict per Cerebras' structured-output rules. */
export function v2iReplyJsonSchema(context: ReplyContext): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['handovers'],
    properties: {
      handovers: {
        type: 'array',
        description:
          'Handovers to execute now; each vehicle at most once, target differs from the serving RSU. Only A3-triggered ones are executed.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['vehicleId', 'targetRsuId'],
          properties: {
            vehicleId: { type: 'string', enum: [...context.vehicleIds] },
            targetRsuId: { type: 'string', enum: [...context.rsuIds] },
          },
        },
      },
    },
  };
}

/** The valibot schema of a V2I agent reply, checked against the identifiers of the observation. */
export function v2iReplySchema(context: ReplyContext): v.GenericSchema<unknown, V2iAction> {
  const schema = v.strictObject({
    handovers: v.pipe(
      v.array(
        v.pipe(
          v.strictObject({ vehicleId: v.picklist(context.vehicleIds), targetRsuId: v.picklist(context.rsuIds) }),
          v.check((item) => context.servingRsu[item.vehicleId] !== item.targetRsuId, 'target is the serving RSU'),
        ),
      ),
      uniqueBy((item) => item.vehicleId, 'vehicle'),
    ),
  });
  return schema;
}
