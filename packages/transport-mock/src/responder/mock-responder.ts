import type { ChatRequest } from '@acpt/config';

/** What a responder knows besides the request. */
export interface MockResponderContext {
  /** The mock's seed. */
  readonly seed: number;
  /** 0-based index of this request among all the mock received. */
  readonly index: number;
  /** The model that answers (the request's, else the mock's default). */
  readonly model: string;
}

/**
 * Produces the reply text of a request. To keep the mock deterministic it should be a pure function of its
 * arguments (use `createSeededRandom` for variety). The demo plugs one in to return JSON decisions.
 */
export type MockResponder = (request: ChatRequest, context: MockResponderContext) => string;
