import { uniformAt } from '../random/hash.ts';

/** Generation-speed options shared by the latency models. */
export interface MockLatencyShape {
  /** Extra wait between the response headers and the first token. @defaultValue 0 */
  readonly timeToFirstTokenMs?: number;
  /** Generation speed; each streamed chunk waits its tokens / this. @defaultValue infinite (no wait) */
  readonly tokensPerSecond?: number;
}

/**
 * How long the mock takes. `none` (the default) answers at once; `fixed` waits `ms` before the response headers;
 * `seeded` waits a uniform draw from `minMs` to `maxMs`, a pure function of the seed and the request index. A
 * non-streaming reply arrives after headers + first token + all tokens; a stream sends headers, then its chunks paced
 * by `tokensPerSecond`.
 */
export type MockLatencyModel =
  | { readonly kind: 'none' }
  | ({ readonly kind: 'fixed'; readonly ms: number } & MockLatencyShape)
  | ({
      readonly kind: 'seeded';
      readonly minMs: number;
      readonly maxMs: number;
      readonly seed?: number;
    } & MockLatencyShape);

/** The waits of one request, in ms. */
export interface LatencyPlan {
  /** Before the response headers. */
  readonly headersMs: number;
  /** Between the headers and the first token. */
  readonly firstTokenMs: number;
  /** Per generated token. */
  readonly msPerToken: number;
}

/** No wait at all. */
export const NO_LATENCY: LatencyPlan = { headersMs: 0, firstTokenMs: 0, msPerToken: 0 };

/**
 * The waits of request `index` under a latency model.
 *
 * @param seed - the mock's seed, used when a `seeded` model names none
 */
export function planLatency(model: MockLatencyModel | undefined, seed: number, index: number): LatencyPlan {
  if (model === undefined || model.kind === 'none') return NO_LATENCY;
  const headersMs =
    model.kind === 'fixed'
      ? model.ms
      : model.minMs + uniformAt(model.seed ?? seed, index) * (model.maxMs - model.minMs);
  return {
    headersMs,
    firstTokenMs: model.timeToFirstTokenMs ?? 0,
    msPerToken: model.tokensPerSecond ? 1000 / model.tokensPerSecond : 0,
  };
}

/** True when a plan waits at all (the mocks skip every timer otherwise). */
export function hasLatency(plan: LatencyPlan): boolean {
  return plan.headersMs > 0 || plan.firstTokenMs > 0 || plan.msPerToken > 0;
}
