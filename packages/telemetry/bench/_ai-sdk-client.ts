import { createCerebras } from '@ai-sdk/cerebras';
import { OpenTelemetry } from '@ai-sdk/otel';
import { generateText } from 'ai';
import type { BenchClient } from './_clients.ts';
import { createBenchProviders } from './_providers.ts';

/**
 * The Vercel AI SDK: `generateText` over `@ai-sdk/cerebras` (its own `fetch`, Node's bundled undici), against the
 * same mock server. With `telemetry`, `experimental_telemetry` with `@ai-sdk/otel`'s `OpenTelemetry` integration on
 * the same SDK providers as the adapter's always-on row (always-on sampler, batch span processor, periodic metric
 * reader); inputs and outputs not recorded, as acpt records no content by default. The AI SDK makes spans only (no
 * metrics). Retries off (`maxRetries: 0`): the mock server never fails in the bench.
 */
export function aiSdkClient(url: string, telemetry: boolean, apiKey: string, prompt: string): BenchClient {
  const providers = telemetry ? createBenchProviders({ spans: 'always-on', metrics: true }) : undefined;
  const tracer = providers?.tracerProvider?.getTracer('ai');
  const experimentalTelemetry =
    tracer === undefined
      ? { isEnabled: false }
      : { isEnabled: true, recordInputs: false, recordOutputs: false, integrations: new OpenTelemetry({ tracer }) };
  const model = createCerebras({ baseURL: `${url}/v1`, apiKey })('gpt-oss-120b');
  return {
    kind: telemetry ? 'ai-sdk-otel' : 'ai-sdk',
    async complete() {
      const result = await generateText({
        model,
        prompt,
        maxOutputTokens: 256,
        maxRetries: 0,
        experimental_telemetry: experimentalTelemetry,
      });
      if (typeof result.text !== 'string' || result.text === '') throw new Error('bad reply');
    },
    flush: async () => providers?.flush(),
    close: async () => providers?.shutdown(),
    spans: () => providers?.exportedSpans() ?? 0,
  };
}
