// First: @acpt/config refuses an unsupported Node.js with one line before this package's own imports load.
import '@acpt/config';

export { CerebrasLLMAdapter } from './adapter/cerebras-llm-adapter.ts';
export type {
  AdapterOptions,
  AdapterResponse,
  AdapterStreamEvent,
  CloseOptions,
  CreateAdapterOptions,
  GenerateInput,
  GenerateManyItem,
  GenerateOptions,
} from './adapter-types.ts';
export { TokenAdmission } from './budget/token-admission.ts';
export type { CircuitSnapshot, CircuitState } from './circuit/circuit-breaker.ts';
export { createAdapter } from './create-adapter.ts';
export type { CostDiagnostics, ModelCost } from './diagnostics/cost-ledger.ts';
export type {
  AdapterDiagnostics,
  RecentError,
  RequestCounts,
  SpendDiagnostics,
} from './diagnostics/diagnostics-types.ts';
export type { LatencySummary } from './diagnostics/latency-histogram.ts';
export { ADAPTER_EVENT_NAMES } from './events/event-names.ts';
export type { CerebrasProviderOptions } from './options/provider-options.ts';
export { CEREBRAS_PROVIDER_OPTION_NAMES } from './options/provider-options.ts';
export { providerOptionsIssues } from './options/provider-options-issues.ts';
export { toolIssues } from './options/tool-issues.ts';
export { createSpendLimiter, type InProcessSpendLimiter } from './spend/in-process-spend-limiter.ts';
export type { StreamOptions } from './stream/stream-options.ts';
export type { GenerateObjectOptions, ObjectResponse } from './structured/generate-object.ts';
export { checkOutput, jsonSchemaOf, type OutputCheck } from './structured/output-schema.ts';
export {
  dropOptionalNulls,
  type JsonSchemaObject,
  type StrictJsonSchemaOptions,
  toStrictJsonSchema,
} from './structured/strict-json-schema.ts';
export type { TemplatedItemResult, TemplatedOptions, TemplatedResult } from './templated/generate-templated.ts';
export type { TemplatedItem } from './templated/templated-prompts.ts';
export type { Clock, Sleep } from './timing/timers.ts';
export { VERSION } from './version.ts';
