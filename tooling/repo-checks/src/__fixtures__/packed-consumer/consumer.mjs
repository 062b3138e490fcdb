// A consumer of the packed @acpt/* tarballs, run by packed-consumer.test.ts in a scratch project outside the
// workspace: it imports every entry point by its public name and prints a JSON summary the test asserts on.
import * as adapterModule from '@acpt/adapter';
import * as aiSdkModule from '@acpt/ai-sdk';
import * as campaignModule from '@acpt/campaign';
import * as configModule from '@acpt/config';
import * as telemetryModule from '@acpt/telemetry';
import * as telemetrySdkModule from '@acpt/telemetry/sdk';
import * as cerebrasModule from '@acpt/transport-cerebras';
import * as mockModule from '@acpt/transport-mock';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';

const modules = {
  '@acpt/config': configModule,
  '@acpt/adapter': adapterModule,
  '@acpt/transport-cerebras': cerebrasModule,
  '@acpt/transport-mock': mockModule,
  '@acpt/telemetry': telemetryModule,
  '@acpt/telemetry/sdk': telemetrySdkModule,
  '@acpt/campaign': campaignModule,
  '@acpt/ai-sdk': aiSdkModule,
};
const { createAdapter } = adapterModule;
const { AcptError, AuthenticationError, ConfigError, parseConfig, RateLimitError, RetryExhaustedError } = configModule;
const { instrumentAdapter } = telemetryModule;
const { startTelemetry } = telemetrySdkModule;
const { createCerebrasTransport } = cerebrasModule;
const { createMockCerebrasServer, createMockTransport, parseFaultSpec } = mockModule;

const apiKey = 'csk-packed-consumer-key';
const wrongKey = 'csk-packed-consumer-wrong';

/** What the test compares for each caught error: where its class checks land and whether it leaks a key. */
function describeCaught(error) {
  return {
    name: error?.name,
    code: error?.code,
    retryable: error?.retryable,
    isAcptError: AcptError.isInstance(error),
    instanceOfAcptError: error instanceof AcptError,
    isRetryExhausted: RetryExhaustedError.isInstance(error),
    isAuthentication: AuthenticationError.isInstance(error),
    isRateLimit: RateLimitError.isInstance(error),
    isConfigError: ConfigError.isInstance(error),
    causeName: error?.cause?.name,
    causeIsAuthentication: AuthenticationError.isInstance(error?.cause),
    leaksKey: [error?.message, error?.cause?.message, JSON.stringify(error)].some(
      (text) => typeof text === 'string' && (text.includes(apiKey) || text.includes(wrongKey)),
    ),
  };
}

async function caught(action) {
  try {
    await action();
    return { name: 'none' };
  } catch (error) {
    return describeCaught(error);
  }
}

const exporter = new InMemorySpanExporter();
const telemetry = startTelemetry({
  serviceName: 'acpt-packed-consumer',
  spanProcessors: [new SimpleSpanProcessor({ exporter })],
  metricReaders: [],
  logRecordProcessors: [],
  env: {},
});
const server = await createMockCerebrasServer({ apiKey });
try {
  const config = parseConfig({ mockMode: false, apiKey, baseUrl: server.url, fallback: 'mock' });
  const adapter = createAdapter({
    config,
    transport: createCerebrasTransport({ config }),
    mockTransport: createMockTransport({ seed: 7 }),
  });
  // Every attempt gets a POST child here (the default, 'retries', leaves a request answered at once to its chat span).
  const instrumentation = instrumentAdapter(adapter, { attemptSpans: 'all' });

  const reply = await adapter.generate('Pick RIS phase bits for vehicle 3.', { system: 'You steer a surface.' });
  let streamedText = '';
  let deltas = 0;
  let streamed;
  // Per token: the unpaced mock sends the whole reply in one write, which the default (coalesced) hands over as one step.
  for await (const event of adapter.stream('Explain the NOMA power split in one sentence.', { deltas: 'per-token' })) {
    if (event.type === 'text-delta') {
      streamedText += event.text;
      deltas += 1;
    } else if (event.type === 'finish') streamed = event.response;
  }
  instrumentation.detach();
  await adapter.close();

  const wrongConfig = parseConfig({
    mockMode: false,
    apiKey: wrongKey,
    baseUrl: server.url,
    fallback: 'mock',
    // A wrong key is a configuration failure: the mock takes it over only when fallbackOn names it.
    fallbackOn: { access: true },
    retry: { maxRetries: 0 },
  });
  const fallbackAdapter = createAdapter({
    config: wrongConfig,
    transport: createCerebrasTransport({ config: wrongConfig }),
    mockTransport: createMockTransport({ seed: 7 }),
    warn: () => undefined,
  });
  const fallbackReply = await fallbackAdapter.generate('Pick RIS phase bits for vehicle 4.');
  fallbackAdapter.configure({ fallback: 'throw' });
  const rejected = await caught(() => fallbackAdapter.generate('Pick RIS phase bits for vehicle 5.'));
  await fallbackAdapter.close();

  const faulty = createMockTransport({ seed: 1, faults: parseFaultSpec('rate-limit-tokens:at=0') });
  const rateLimited = await caught(() => faulty.complete({ messages: [{ role: 'user', content: 'Hello' }] }));
  const invalidConfig = await caught(() => parseConfig({ retry: { maxRetries: -1 } }));

  const summary = {
    resolved: Object.fromEntries(Object.keys(modules).map((name) => [name, import.meta.resolve(name)])),
    exportCounts: Object.fromEntries(
      Object.entries(modules).map(([name, namespace]) => [name, Object.keys(namespace).length]),
    ),
    versions: Object.fromEntries(
      Object.entries(modules)
        .filter(([, namespace]) => 'VERSION' in namespace)
        .map(([name, namespace]) => [name, namespace.VERSION]),
    ),
    generate: {
      provider: reply.provider,
      attempts: reply.attempts,
      fallback: reply.fallback ?? null,
      hasText: reply.text.length > 0,
      totalTokens: reply.usage?.totalTokens,
    },
    stream: {
      provider: streamed?.provider,
      deltas,
      sameText: streamed?.text === streamedText,
      finishReason: streamed?.finishReason,
    },
    fallback: { provider: fallbackReply.provider, reason: fallbackReply.fallback?.reason ?? null },
    errors: { rejected, rateLimited, invalidConfig },
    chatRequestsServed: server.requestCount,
    spans: exporter.getFinishedSpans().map((span) => span.name),
    telemetry: { started: telemetry.started, shutdown: await telemetry.shutdown() },
    configLeaksKey: JSON.stringify(config).includes(apiKey),
  };
  console.log(JSON.stringify(summary));
} finally {
  await server.close();
}
