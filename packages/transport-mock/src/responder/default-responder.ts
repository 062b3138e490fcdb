import type { ChatRequest } from '@acpt/config';
import { canonicalRequestKey } from '../canonical/canonical-request-key.ts';
import { createSeededRandom } from '../random/seeded-random.ts';
import { jsonFromSchema } from './json-from-schema.ts';
import type { MockResponderContext } from './mock-responder.ts';
import { lastUserSnippet, mockSentence } from './mock-text.ts';

/**
 * The mock's default reply text, a pure function of the request (model filled in), its parameters and the seed:
 * - `json_schema` response format: JSON satisfying the schema (see {@link jsonFromSchema});
 * - `json_object`: `{"reply":"<sentence>"}`;
 * - otherwise `Mock reply to "<start of the last user message>": <sentence>`.
 * The request index does not enter, so a repeated request gets the same reply. Whether the turn calls tools instead
 * is decided by the mock's tool-call rules, not here.
 */
export function defaultResponder(request: ChatRequest, context: MockResponderContext): string {
  const random = createSeededRandom(`${context.seed}\n${canonicalRequestKey({ ...request, model: context.model })}`);
  const format = request.responseFormat;
  if (format?.type === 'json_schema') return JSON.stringify(jsonFromSchema(format.jsonSchema.schema, random));
  if (format?.type === 'json_object') return JSON.stringify({ reply: mockSentence(random) });
  return `Mock reply to "${lastUserSnippet(request)}": ${mockSentence(random)}`;
}
