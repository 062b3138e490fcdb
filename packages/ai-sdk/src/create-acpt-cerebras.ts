import type { CerebrasLLMAdapter, GenerateOptions } from '@acpt/adapter';
import type { ModelId } from '@acpt/config';
import { NoSuchModelError, type ProviderV4 } from '@ai-sdk/provider';
import { AcptLanguageModel } from './acpt-language-model.ts';

/** Options of {@link createAcptCerebras}. */
export interface AcptCerebrasSettings {
  /** The adapter every call goes through (its configuration picks live or mock, retries, budgets, fallback). */
  readonly adapter: CerebrasLLMAdapter;
  /**
   * Adapter options applied to every call (`budgetMs`, `attributes`, `providerOptions`, …); the AI SDK's settings
   * and `providerOptions.acpt` override them.
   */
  readonly defaults?: GenerateOptions | undefined;
}

/** The provider: call it with a model id (the adapter's configured model when omitted). */
export interface AcptCerebrasProvider extends ProviderV4 {
  (modelId?: ModelId): AcptLanguageModel;
  /** The language model of `modelId`. */
  languageModel(modelId: ModelId): AcptLanguageModel;
}

/**
 * An AI SDK provider (specification v4) over a `CerebrasLLMAdapter`: `generateText`, `streamText`, `generateObject`
 * / `Output.object` and multi-step tool loops get acpt's retries, deadlines, fallback and diagnostics, and
 * `providerMetadata.acpt` tells how each response was obtained. Cerebras serves chat models only: the embedding and
 * image models throw `NoSuchModelError`.
 *
 * @example
 * ```ts
 * const cerebras = createAcptCerebras({ adapter });
 * const { text, providerMetadata } = await generateText({ model: cerebras('gpt-oss-120b'), prompt: 'Hi' });
 * ```
 */
export function createAcptCerebras(settings: AcptCerebrasSettings): AcptCerebrasProvider {
  const { adapter, defaults } = settings;
  const languageModel = (modelId?: ModelId): AcptLanguageModel =>
    new AcptLanguageModel(adapter, modelId ?? adapter.config.model, defaults);
  const noSuchModel = (modelType: 'embeddingModel' | 'imageModel') => (modelId: string) => {
    throw new NoSuchModelError({
      modelId,
      modelType,
      message: `acpt serves Cerebras chat models only, not ${modelType}s`,
    });
  };
  return Object.assign(languageModel, {
    specificationVersion: 'v4' as const,
    languageModel,
    embeddingModel: noSuchModel('embeddingModel'),
    imageModel: noSuchModel('imageModel'),
  });
}
