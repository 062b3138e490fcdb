import type { AdapterStreamEvent, CerebrasLLMAdapter, GenerateOptions } from '@acpt/adapter';
import { isAbortError } from '@acpt/config';
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import { acptMetadata, mapContent, mapFinishReason, mapUsage } from './map-response.ts';
import { prepareCall } from './prepare-call.ts';
import { StreamPartMapper } from './stream-parts.ts';

/** The provider id the AI SDK reports (`result.response`, telemetry). */
export const ACPT_PROVIDER_ID = 'acpt.cerebras';

/**
 * One Cerebras model as an AI SDK language model (specification v4, `@ai-sdk/provider` 4.x). Every call goes through
 * the injected `CerebrasLLMAdapter`, so retries, deadlines, budgets, admission, fallback, the circuit breaker, events
 * and diagnostics apply to `generateText`, `streamText`, structured output and tool loops alike.
 */
export class AcptLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4' as const;
  readonly provider: string = ACPT_PROVIDER_ID;
  readonly modelId: string;
  /** Cerebras takes no file URLs: the AI SDK never passes one through. */
  readonly supportedUrls: Record<string, RegExp[]> = {};
  readonly #adapter: CerebrasLLMAdapter;
  readonly #defaults: GenerateOptions;

  constructor(adapter: CerebrasLLMAdapter, modelId: string, defaults: GenerateOptions = {}) {
    this.#adapter = adapter;
    this.modelId = modelId;
    this.#defaults = defaults;
  }

  /** One whole completion; rejects with the adapter's typed errors (it has already retried and fallen back). */
  async doGenerate(call: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const prepared = prepareCall(call, this.modelId, this.#defaults);
    const response = await this.#adapter.generate(prepared.messages, prepared.options);
    return {
      content: mapContent(response, prepared.outputSchema),
      finishReason: mapFinishReason(response.finishReason),
      usage: mapUsage(response.usage),
      providerMetadata: acptMetadata(response),
      response: { id: response.id, modelId: response.model },
      warnings: prepared.warnings,
    };
  }

  /**
   * A streamed completion. The request runs until its first event before this resolves, so a request that fails
   * before streaming (retries and fallback exhausted, invalid options) rejects here as with other providers; a
   * failure after that becomes an `error` part, then a `finish` with reason `error`. Cancelling the stream aborts
   * the request.
   */
  async doStream(call: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const prepared = prepareCall(call, this.modelId, this.#defaults);
    const iterator = this.#adapter.stream(prepared.messages, prepared.options)[Symbol.asyncIterator]();
    const first = await iterator.next();
    const mapper = new StreamPartMapper(prepared.outputSchema);
    let pending: IteratorResult<AdapterStreamEvent> | undefined = first;
    let done = false;
    const stream = new ReadableStream<LanguageModelV4StreamPart>({
      start(controller) {
        controller.enqueue({ type: 'stream-start', warnings: prepared.warnings });
      },
      async pull(controller) {
        const parts: LanguageModelV4StreamPart[] = [];
        try {
          while (parts.length === 0 && !done) {
            const next = pending ?? (await iterator.next());
            pending = undefined;
            if (next.done === true) done = true;
            else mapper.map(next.value, parts);
          }
        } catch (error) {
          done = true;
          if (call.abortSignal?.aborted === true || isAbortError(error)) {
            controller.error(error);
            return;
          }
          parts.push({ type: 'error', error });
          parts.push({
            type: 'finish',
            usage: mapUsage(undefined),
            finishReason: { unified: 'error', raw: undefined },
          });
        }
        for (const part of parts) controller.enqueue(part);
        if (done) controller.close();
      },
      async cancel() {
        done = true;
        await iterator.return?.();
      },
    });
    return { stream };
  }
}
