// First: @acpt/config refuses an unsupported Node.js with one line before this package's own imports load.
import '@acpt/config';

export {
  type CerebrasTransport,
  type CerebrasTransportOptions,
  createCerebrasTransport,
  type TransportProxyStatus,
} from './create-cerebras-transport.ts';
export type { ListModelsOptions } from './models/list-models.ts';
export { redactProxyUrl } from './proxy/redact-proxy-url.ts';
export { type ResolvedProxy, type ResolveProxyOptions, resolveProxy } from './proxy/resolve-proxy.ts';
export {
  createThinkSplitter,
  splitThinking,
  type ThinkSink,
  type ThinkSplitter,
} from './reasoning/think-splitter.ts';
export { USER_AGENT } from './settings/resolve-transport-settings.ts';
export { createSseParser, type SseEvent, type SseParser } from './sse/sse-parser.ts';
export {
  type ChatStreamAccumulator,
  createChatStreamAccumulator,
  type StreamOrigin,
} from './stream/chat-stream-accumulator.ts';
export { VERSION } from './version.ts';
export { buildChatBody, type ChatBodyDefaults } from './wire/build-chat-body.ts';
export { type ChatResponseDraft, mapChatCompletion, type ResponseMeta } from './wire/map-chat-response.ts';
export { mapTimeInfo, mapToolCalls, mapUsage } from './wire/map-wire-parts.ts';
export type {
  WireChoice,
  WireCompletion,
  WireErrorEvent,
  WireMessage,
  WireTimeInfo,
  WireToolCall,
  WireUsage,
} from './wire/wire-types.ts';
