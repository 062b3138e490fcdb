/**
 * Every OpenTelemetry name this package emits, in one table per naming mode. GenAI conventions are still in
 * Development: `v1.41.0` is the last core semconv release with GenAI inside; `latest` follows
 * open-telemetry/semantic-conventions-genai head and is selected with
 * `OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental`.
 */
export type SemconvMode = 'v1.41.0' | 'latest';

/** The names that differ between the two modes. */
export interface SemconvNames {
  /** Which table this is. */
  readonly mode: SemconvMode;
  /** Histogram (s) of the logical operation, recorded once per logical call. */
  readonly operationDuration: string;
  /** Histogram (s) from request issue to the first chunk of a stream. */
  readonly timeToFirstChunk: string;
  /** Histogram (s) between later chunks of a stream. */
  readonly timePerOutputChunk: string;
  /** v1.41.0: one token histogram split by `gen_ai.token.type`; absent in `latest`. */
  readonly tokenUsageHistogram: string | undefined;
  /** `latest`: token counters by kind, with `gen_ai.token.modality`; absent in v1.41.0. */
  readonly tokenCounters: TokenCounterNames | undefined;
  /** `latest`: per-operation token histograms, for percentiles; absent in v1.41.0. */
  readonly tokenHistograms: { readonly input: string; readonly output: string } | undefined;
  /** `latest`: `gen_ai.request.reasoning.level`; absent in v1.41.0. */
  readonly reasoningLevelAttribute: string | undefined;
}

/** Counter names of the `latest` token metrics. */
export interface TokenCounterNames {
  readonly input: string;
  readonly output: string;
  readonly cacheRead: string;
  readonly reasoning: string;
}

/** Names of GenAI semantic conventions v1.41.0 (the default). */
export const SEMCONV_V1_41: SemconvNames = {
  mode: 'v1.41.0',
  operationDuration: 'gen_ai.client.operation.duration',
  timeToFirstChunk: 'gen_ai.client.operation.time_to_first_chunk',
  timePerOutputChunk: 'gen_ai.client.operation.time_per_output_chunk',
  tokenUsageHistogram: 'gen_ai.client.token.usage',
  tokenCounters: undefined,
  tokenHistograms: undefined,
  reasoningLevelAttribute: undefined,
};

/** Names of semantic-conventions-genai head (`gen_ai_latest_experimental`). */
export const SEMCONV_LATEST: SemconvNames = {
  mode: 'latest',
  operationDuration: 'gen_ai.client.inference.duration',
  timeToFirstChunk: 'gen_ai.client.inference.time_to_first_chunk',
  timePerOutputChunk: 'gen_ai.client.inference.time_per_output_chunk',
  tokenUsageHistogram: undefined,
  tokenCounters: {
    input: 'gen_ai.client.inference.usage.input_tokens',
    output: 'gen_ai.client.inference.usage.output_tokens',
    cacheRead: 'gen_ai.client.inference.usage.cache_read.input_tokens',
    reasoning: 'gen_ai.client.inference.usage.reasoning.output_tokens',
  },
  tokenHistograms: {
    input: 'gen_ai.client.inference.operation.input_tokens',
    output: 'gen_ai.client.inference.operation.output_tokens',
  },
  reasoningLevelAttribute: 'gen_ai.request.reasoning.level',
};

/** The opt-in value that selects {@link SEMCONV_LATEST}. */
export const SEMCONV_LATEST_OPT_IN = 'gen_ai_latest_experimental';

/**
 * Picks the naming table from `OTEL_SEMCONV_STABILITY_OPT_IN` (a comma list).
 *
 * @param optIn - the variable's value, `undefined` when unset
 */
export function selectSemconvNames(optIn: string | undefined): SemconvNames {
  if (optIn === undefined) return SEMCONV_V1_41;
  const values = optIn.split(',').map((value) => value.trim());
  return values.includes(SEMCONV_LATEST_OPT_IN) ? SEMCONV_LATEST : SEMCONV_V1_41;
}

/** Advised buckets (s) of the duration and chunk-time histograms. */
export const DURATION_BUCKETS_SECONDS: readonly number[] = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];

/** Advised buckets of the token histograms. */
export const TOKEN_BUCKETS: readonly number[] = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];
