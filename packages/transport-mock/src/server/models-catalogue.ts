import { MOCK_CREATED_SECONDS } from '../reply/mock-reply.ts';
import { modelNotFoundBody } from '../wire/error-bodies.ts';
import { jsonResponse, type WireResponse } from '../wire/wire-response.ts';

/** The precomputed model endpoints of a server. */
export interface ModelsCatalogue {
  /** `GET /v1/models`. */
  readonly list: WireResponse;
  /** `GET /public/v1/models`. */
  readonly publicList: WireResponse;
  /** `GET /v1/models/{id}`. */
  one(id: string): WireResponse;
  /** `GET /public/v1/models/{id}`. */
  publicOne(id: string): WireResponse;
}

/** Builds the model endpoints: the OpenAI-style list, and the unauthenticated public catalogue. */
export function createModelsCatalogue(models: readonly string[]): ModelsCatalogue {
  const entry = (id: string): Record<string, unknown> => ({
    id,
    object: 'model',
    created: MOCK_CREATED_SECONDS,
    owned_by: 'Cerebras',
  });
  const publicEntry = (id: string): Record<string, unknown> => ({ ...entry(id), deprecated: false, preview: false });
  const known = new Set(models);
  return {
    list: jsonResponse(200, { object: 'list', data: models.map(entry) }),
    publicList: jsonResponse(200, { object: 'list', data: models.map(publicEntry) }),
    one: (id) => (known.has(id) ? jsonResponse(200, entry(id)) : jsonResponse(404, modelNotFoundBody(id))),
    publicOne: (id) =>
      known.has(id)
        ? jsonResponse(200, publicEntry(id))
        : jsonResponse(404, { detail: `Model '${id}' not found or not publicly available` }),
  };
}
