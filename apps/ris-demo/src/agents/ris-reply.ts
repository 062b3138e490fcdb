import * as v from 'valibot';
import type { RisAction } from '../scenario/actions.ts';
import { type ReplyContext, uniqueBy } from './reply-parse.ts';

/** Largest weight a RIS reply may give a vehicle. */
export const MAX_RIS_WEIGHT = 10;

/** The JSON schema of a RIS agent reply, strict per Cerebras' structured-output rules (no pattern, all required). */
export function risReplyJsonSchema(context: ReplyContext): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['favour'],
    properties: {
      favour: {
        type: 'array',
        description: `Vehicles the RIS phase profile is co-phased for, each at most once, weight in (0, ${MAX_RIS_WEIGHT}]. Empty keeps the current profile.`,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['vehicleId', 'weight'],
          properties: {
            vehicleId: { type: 'string', enum: [...context.vehicleIds] },
            weight: { type: 'number', description: 'relative weight, > 0' },
          },
        },
      },
    },
  };
}

/** The valibot schema of a RIS agent reply, checked against the identifiers of the observation. */
export function risReplySchema(context: ReplyContext): v.GenericSchema<unknown, RisAction> {
  const schema = v.strictObject({
    favour: v.pipe(
      v.array(
        v.strictObject({
          vehicleId: v.picklist(context.vehicleIds),
          weight: v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(MAX_RIS_WEIGHT)),
        }),
      ),
      uniqueBy((item) => item.vehicleId, 'vehicle'),
    ),
  });
  return schema;
}
