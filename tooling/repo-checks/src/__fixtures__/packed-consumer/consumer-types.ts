// Type-checked by packed-consumer.test.ts in the scratch consumer project against the installed `.d.mts` files,
// with `--module nodenext --strict` and no custom conditions. It is compiled, never run.
import {
  ADAPTER_EVENT_NAMES,
  type AdapterResponse,
  type CerebrasLLMAdapter,
  createAdapter,
  TokenAdmission,
} from '@acpt/adapter';
import { type AcptCerebrasProvider, createAcptCerebras } from '@acpt/ai-sdk';
import type { QuotaLimits } from '@acpt/campaign';
import {
  type AdapterEventSource,
  type Admission,
  type CerebrasConfig,
  ConfigError,
  parseConfig,
  RetryExhaustedError,
  type Transport,
  TransportHttpError,
} from '@acpt/config';
import { type AdapterInstrumentation, instrumentAdapter, SCOPE_NAME } from '@acpt/telemetry';
import { startTelemetry, type Telemetry, type TelemetryShutdownOutcome } from '@acpt/telemetry/sdk';
import { type CerebrasTransport, createCerebrasTransport } from '@acpt/transport-cerebras';
import { createMockCerebrasServer, createMockTransport, type MockCerebrasServer } from '@acpt/transport-mock';

const server: MockCerebrasServer = await createMockCerebrasServer({ apiKey: 'csk-types' });
const config: CerebrasConfig = parseConfig({ mockMode: false, apiKey: 'csk-types', baseUrl: server.url });
// Each transport package implements the one `Transport` of @acpt/config.
const live: CerebrasTransport = createCerebrasTransport({ config });
const transport: Transport = live;
const mockTransport: Transport = createMockTransport({ seed: 7 });
// The in-process default and `@acpt/campaign`'s Redis admission implement the one `Admission` of @acpt/config.
const admission: Admission = new TokenAdmission();
const quota: QuotaLimits = { requestsPerMinute: 250, tokensPerMinute: 250_000 };
console.log(quota.requestsPerMinute);
const adapter: CerebrasLLMAdapter = createAdapter({ config, transport, mockTransport, admission });
// The AI SDK provider runs over the same adapter.
const provider: AcptCerebrasProvider = createAcptCerebras({ adapter });
console.log(provider('gpt-oss-120b').specificationVersion);
// The adapter is the event source @acpt/telemetry listens to.
const source: AdapterEventSource = adapter;
const telemetry: Telemetry = startTelemetry({ serviceName: 'consumer', env: {} });
const instrumentation: AdapterInstrumentation = instrumentAdapter(adapter);

const reply: AdapterResponse = await adapter.generate('Pick RIS phase bits.', { budgetMs: 2_000 });
const text: string = reply.text;
const reason: string | undefined = reply.fallback?.reason;
for await (const event of adapter.stream('Stream, please.')) {
  if (event.type === 'finish') console.log(event.response.usage?.totalTokens);
}

try {
  await adapter.generate('Again.');
} catch (error) {
  if (RetryExhaustedError.isInstance(error)) console.log(error.errors.length, error.reason);
  else if (TransportHttpError.isInstance(error)) console.log(error.status, error.retryable);
  else if (ConfigError.isInstance(error)) console.log(error.issues.map((issue) => issue.path));
}

// The declarations are real types, not `any`: each of these must be an error.
// @ts-expect-error a number is not a prompt
await adapter.generate(42);
// @ts-expect-error `createCerebrasTransport` takes an options object with `config`
createCerebrasTransport(config);
// @ts-expect-error unknown adapter option
createAdapter({ config, mockTransport, retries: 3 });

instrumentation.detach();
await adapter.close();
const outcome: TelemetryShutdownOutcome = await telemetry.shutdown();
await server.close();
console.log(text, reason, source, outcome, SCOPE_NAME, ADAPTER_EVENT_NAMES.length);
