// First: @acpt/config refuses an unsupported Node.js with one line before this package's own imports load.
import '@acpt/config';

export { canonicalJson } from '@acpt/config';
export { canonicalRequestKey, hashRequestKey } from './canonical/canonical-request-key.ts';
export { CLI_USAGE, parseCliArguments } from './cli/parse-cli-arguments.ts';
export { type MockClock, realClock } from './clock/mock-clock.ts';
export { createVirtualClock, type VirtualClock, type VirtualClockOptions } from './clock/virtual-clock.ts';
export { DEFAULT_COMPLETION_RESERVATION, type MockBehaviourOptions } from './engine/mock-engine.ts';
export { FAULT_QUOTAS, httpFaultResponse } from './faults/fault-response.ts';
export { FAULT_KINDS, type FaultKind, type FaultRule } from './faults/fault-rule.ts';
export { createFaultSchedule, type FaultSchedule } from './faults/fault-schedule.ts';
export { parseFaultSpec } from './faults/parse-fault-spec.ts';
export {
  type LatencyPlan,
  type MockLatencyModel,
  type MockLatencyShape,
  planLatency,
} from './latency/latency-model.ts';
export { type CapacityQueue, type CapacityTicket, createCapacityQueue, type LoadModel } from './load/capacity-queue.ts';
export { parseLoadSpec } from './load/parse-load-spec.ts';
export { type RunningTinyproxy, startTinyproxy } from './proxy/start-tinyproxy.ts';
export { createSeededRandom, type RandomSource } from './random/seeded-random.ts';
export { parseRateLimitSpec } from './rate-limit/parse-rate-limit-spec.ts';
export type { MockRateLimits } from './rate-limit/rate-limiter.ts';
export type { CassetteExchange, ExchangeMode, RecordedEvent } from './record/cassette.ts';
export { createRecordingTransport, type RecordingTransportOptions } from './record/create-recording-transport.ts';
export { createReplayTransport, type ReplayTransportOptions } from './record/create-replay-transport.ts';
export { fromRecordedError, type RecordedError, toRecordedError } from './record/recorded-error.ts';
export { type NearestRecording, ReplayMissError } from './record/replay-miss-error.ts';
export { diffValues, type ValueDifference } from './record/request-diff.ts';
export { MOCK_CREATED_SECONDS } from './reply/mock-reply.ts';
export { isReasoningModel } from './reply/reasoning-mode.ts';
export { defaultResponder } from './responder/default-responder.ts';
export { type JsonSchema, jsonFromSchema } from './responder/json-from-schema.ts';
export type {
  MockResponder,
  MockResponderContext,
  MockResponderOutput,
  MockResponderReply,
  MockToolCallSpec,
} from './responder/mock-responder.ts';
export { SCHEMA_BOUNDS, SchemaTooLargeError } from './responder/schema-too-large-error.ts';
export { createMockCerebrasServer, type MockCerebrasServer } from './server/create-mock-cerebras-server.ts';
export { DEFAULT_BODY_BYTES, type MockServerLimits } from './server/server-limits.ts';
export { DEFAULT_SERVER_MODELS, type MockCerebrasServerOptions } from './server/server-options.ts';
export {
  createMockTransport,
  type MockTransport,
  type MockTransportOptions,
} from './transport/create-mock-transport.ts';
export { VERSION } from './version.ts';
export { fromWireRequest } from './wire/from-wire-request.ts';
export { toWireRequest } from './wire/to-wire-request.ts';
export type { WireResponse } from './wire/wire-response.ts';
