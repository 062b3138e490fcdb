export { ACPT_PROVIDER_ID, AcptLanguageModel } from './acpt-language-model.ts';
export {
  ACPT_PROVIDER_OPTIONS_KEY,
  type AcptProviderOptions,
  parseAcptProviderOptions,
} from './acpt-provider-options.ts';
export { convertPrompt, toolOutputText } from './convert-prompt.ts';
export { type AcptCerebrasProvider, type AcptCerebrasSettings, createAcptCerebras } from './create-acpt-cerebras.ts';
export { acptMetadata, mapContent, mapFinishReason, mapUsage } from './map-response.ts';
export { type PreparedCall, prepareCall } from './prepare-call.ts';
export { StreamPartMapper } from './stream-parts.ts';
export { VERSION } from './version.ts';
