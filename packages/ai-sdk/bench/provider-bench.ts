/**
 * Provider bench (a script, not a test): the same prompt through `CerebrasLLMAdapter.generate()` alone, through the
 * provider's `doGenerate()` over that adapter (what `@acpt/ai-sdk` adds), through the AI SDK's `generateText()` on
 * `@acpt/ai-sdk`, and through `generateText()` on `@ai-sdk/cerebras`
 * (its own fetch client), in one process and one run, against the mock Cerebras server in a child process (so its
 * CPU is not counted). Rounds alternate the clients; medians are compared.
 *
 *   flock /work/main/.git/acpt-bench.lock node --conditions=@acpt/source --expose-gc bench/provider-bench.ts
 *
 * Targets: the provider (`doGenerate()`) adds ≤ 10 % CPU per request over the adapter alone; `generateText()` on it
 * is ahead of `generateText()` on `@ai-sdk/cerebras` on throughput at concurrency 64. `--quick` runs a fifth of the requests. Figures are measured on this machine.
 */
import { createAdapter } from '@acpt/adapter';
import { parseConfig } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import { createMockTransport } from '@acpt/transport-mock';
import { createCerebras } from '@ai-sdk/cerebras';
import { generateText } from 'ai';
import { BENCH_KEY, median, type Run, runConcurrent, startServer } from '../../adapter/bench/bench-harness.ts';
import { createAcptCerebras } from '../src/index.ts';

interface Client {
  readonly name: string;
  complete(): Promise<unknown>;
  close(): Promise<void>;
}

const prompt = 'Pick RIS phase bits for the next frame.';
const modelId = 'gpt-oss-120b';
const concurrency = 64;

function adapterFor(url: string) {
  const config = parseConfig({
    baseUrl: url,
    apiKey: BENCH_KEY,
    mockMode: false,
    model: modelId,
    maxCompletionTokens: 256,
    connection: { connections: concurrency },
    batching: { batchSize: 1, maxWaitMs: 0, maxInFlight: 256, queueLimit: 100_000 },
  });
  return createAdapter({
    config,
    transport: createCerebrasTransport({ config }),
    mockTransport: createMockTransport(),
  });
}

function adapterClient(url: string): Client {
  const adapter = adapterFor(url);
  return {
    name: 'adapter.generate() alone',
    async complete() {
      const response = await adapter.generate(prompt, { maxCompletionTokens: 256 });
      if (response.fallback !== undefined) throw new Error('the bench must not fall back');
    },
    close: () => adapter.close(),
  };
}

function doGenerateClient(url: string): Client {
  const adapter = adapterFor(url);
  const model = createAcptCerebras({ adapter })(modelId);
  const call = {
    prompt: [{ role: 'user' as const, content: [{ type: 'text' as const, text: prompt }] }],
    maxOutputTokens: 256,
  };
  return {
    name: 'provider doGenerate() (@acpt/ai-sdk alone)',
    async complete() {
      const result = await model.doGenerate(call);
      if (result.providerMetadata?.['acpt']?.['fallbackReason'] !== null)
        throw new Error('the bench must not fall back');
    },
    close: () => adapter.close(),
  };
}

function acptProviderClient(url: string): Client {
  const adapter = adapterFor(url);
  const cerebras = createAcptCerebras({ adapter });
  return {
    name: 'generateText() on @acpt/ai-sdk',
    async complete() {
      const result = await generateText({ model: cerebras(modelId), prompt, maxOutputTokens: 256, maxRetries: 0 });
      if (result.providerMetadata?.['acpt']?.['fallbackReason'] !== null)
        throw new Error('the bench must not fall back');
    },
    close: () => adapter.close(),
  };
}

function aiSdkCerebrasClient(url: string): Client {
  const cerebras = createCerebras({ baseURL: `${url}/v1`, apiKey: BENCH_KEY });
  return {
    name: 'generateText() on @ai-sdk/cerebras',
    async complete() {
      const result = await generateText({ model: cerebras(modelId), prompt, maxOutputTokens: 256, maxRetries: 0 });
      if (result.text === '') throw new Error('empty reply');
    },
    close: async () => {},
  };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const scale = process.argv.includes('--quick') ? 0.2 : 1;
const requests = Math.max(concurrency * 4, Math.round(6_000 * scale));
const warmup = Math.max(concurrency * 4, Math.round(12_000 * scale));
const rounds = 5;
const server = await startServer(0);
const clients = [
  adapterClient(server.url),
  doGenerateClient(server.url),
  acptProviderClient(server.url),
  aiSdkCerebrasClient(server.url),
];
const runs = new Map<string, Run[]>(clients.map((client) => [client.name, []]));
try {
  for (const client of clients) await runConcurrent(concurrency, warmup, () => client.complete());
  for (let round = 0; round < rounds; round++) {
    for (const client of round % 2 === 0 ? clients : [...clients].reverse()) {
      (globalThis as { gc?: () => void }).gc?.();
      runs.get(client.name)?.push(await runConcurrent(concurrency, requests, () => client.complete()));
    }
  }
} finally {
  await Promise.all(clients.map((client) => client.close()));
  await server.stop();
}
const summary = clients.map((client) => {
  const list = runs.get(client.name) ?? [];
  return {
    name: client.name,
    throughput: median(list.map((run) => run.throughput)),
    cpu: median(list.map((run) => run.cpuPerRequestUs)),
  };
});
type Row = (typeof summary)[0];
const [alone, provider, viaAi, official] = summary as [Row, Row, Row, Row];
const cpuOverhead = provider.cpu / alone.cpu - 1;
const ahead = viaAi.throughput / official.throughput;
console.log(
  `Node ${process.versions.node}, ${new Date().toISOString()}${scale < 1 ? ' (quick run)' : ''}, c=${concurrency}, ` +
    `${requests} requests × ${rounds} interleaved rounds, medians (measured; mock server in a child process)`,
);
console.log(
  table(
    ['client', 'req/s', 'CPU µs/req', 'CPU × adapter'],
    summary.map((row) => [row.name, row.throughput.toFixed(0), row.cpu.toFixed(0), (row.cpu / alone.cpu).toFixed(3)]),
  ),
);
console.log(
  `@acpt/ai-sdk provider CPU overhead over the adapter alone (doGenerate vs generate): ${(cpuOverhead * 100).toFixed(1)} % ` +
    `(target ≤ 10 %: ${cpuOverhead <= 0.1 ? 'ok' : 'MISS'}); generateText() itself adds ` +
    `${(viaAi.cpu - provider.cpu).toFixed(0)} µs/req, the AI SDK's own cost whichever provider`,
);
console.log(
  `generateText() throughput, @acpt/ai-sdk ÷ @ai-sdk/cerebras: ${ahead.toFixed(3)}× (target > 1: ${ahead > 1 ? 'ok' : 'MISS'})`,
);
