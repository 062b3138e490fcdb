import type { ChatRequest } from '@acpt/config';
import { canonicalRequestKey } from '../canonical/canonical-request-key.ts';
import { createSeededRandom, type RandomSource, randomInteger, randomPick } from '../random/seeded-random.ts';
import { jsonFromSchema } from './json-from-schema.ts';
import type { MockResponderContext } from './mock-responder.ts';

const words: readonly string[] = (
  'signal phase beam vehicle surface channel power user link gain noise decode order cluster element reflect steer ' +
  'stable strong weak near far lane cell budget rate slot frame adjust hold shift align the a with for and to'
).split(' ');

/**
 * The mock's default reply, a pure function of the request (model filled in), its parameters and the seed:
 * - `json_schema` response format: JSON satisfying the schema (see {@link jsonFromSchema});
 * - `json_object`: `{"reply":"<sentence>"}`;
 * - otherwise `Mock reply to "<start of the last user message>": <sentence>`.
 * The request index does not enter, so a repeated request gets the same reply.
 */
export function defaultResponder(request: ChatRequest, context: MockResponderContext): string {
  const random = createSeededRandom(`${context.seed}\n${canonicalRequestKey({ ...request, model: context.model })}`);
  const format = request.responseFormat;
  if (format?.type === 'json_schema') return JSON.stringify(jsonFromSchema(format.jsonSchema.schema, random));
  if (format?.type === 'json_object') return JSON.stringify({ reply: sentence(random) });
  return `Mock reply to "${lastUserSnippet(request)}": ${sentence(random)}`;
}

function sentence(random: RandomSource): string {
  const count = randomInteger(random, 6, 24);
  const chosen: string[] = [];
  for (let position = 0; position < count; position += 1) chosen.push(randomPick(random, words));
  const text = chosen.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function lastUserSnippet(request: ChatRequest): string {
  for (let position = request.messages.length - 1; position >= 0; position -= 1) {
    const message = request.messages[position];
    if (message?.role === 'user' && message.content !== null) {
      const flat = message.content.replace(/\s+/g, ' ').trim();
      return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
    }
  }
  return '';
}
