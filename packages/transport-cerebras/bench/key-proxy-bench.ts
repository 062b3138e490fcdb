/**
 * Key-source and egress-proxy bench (a script, not a test): the same transport with a static key (the baseline), a
 * watched key file, and a key provider, plus the static key through Debian's tinyproxy, against the mock server in a
 * child process, in one process and one run. Prints throughput and client CPU per request as ratios to the static key.
 *
 *   flock /work/main/.git/acpt-bench.lock node --conditions=@acpt/source --expose-gc bench/key-proxy-bench.ts
 *
 * `--quick` runs a tenth of the requests (a smoke run; its numbers are noisy).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CerebrasConfig, createApiKeyProvider, Secret } from '@acpt/config';
import { startTinyproxy } from '@acpt/transport-mock';
import { testConfig } from '../src/__fixtures__/test-config.ts';
import { type CerebrasTransport, createCerebrasTransport } from '../src/index.ts';
import { BENCH_KEY, BENCH_MODEL, startBenchServer } from './bench-protocol.ts';
import { formatTable, measure, median } from './measure.ts';

const scale = process.argv.includes('--quick') ? 0.1 : 1;
const scenarios = [
  { name: 'whole reply, c=1', concurrency: 1, requests: 2000, warmup: 300 },
  { name: 'whole reply, c=16', concurrency: 16, requests: 5000, warmup: 500 },
] as const;
const ROUNDS = 4;
const request = { model: BENCH_MODEL, messages: [{ role: 'user' as const, content: 'Pick RIS phase bits.' }] };

function baseConfig(url: string): CerebrasConfig {
  return testConfig({
    baseUrl: url,
    apiKey: new Secret(BENCH_KEY),
    maxCompletionTokens: 256,
    connection: { connections: 64 },
  });
}

async function main(): Promise<void> {
  const server = await startBenchServer(false);
  const proxy = await startTinyproxy();
  const dir = mkdtempSync(join(tmpdir(), 'acpt-key-bench-'));
  const keyFile = join(dir, 'api-key');
  writeFileSync(keyFile, BENCH_KEY, { mode: 0o600 });
  const base = baseConfig(server.url);
  const clients: ReadonlyArray<readonly [string, CerebrasTransport]> = [
    ['static key (baseline)', createCerebrasTransport({ config: base, env: {} })],
    ['watched key file', createCerebrasTransport({ config: { ...base, apiKeyFile: keyFile }, env: {} })],
    [
      'key provider (ttl 60 s)',
      createCerebrasTransport({
        config: {
          ...base,
          apiKey: undefined,
          apiKeyProvider: createApiKeyProvider({ source: 'bench', ttlMs: 60_000, load: async () => BENCH_KEY }),
        },
        env: {},
      }),
    ],
    [
      'static key via tinyproxy',
      createCerebrasTransport({ config: { ...base, connection: { ...base.connection, proxy: proxy.url } }, env: {} }),
    ],
  ];
  const rows: string[][] = [];
  try {
    for (const scenario of scenarios) {
      const results = new Map<string, { throughput: number[]; cpu: number[] }>();
      for (let round = 0; round < ROUNDS; round++) {
        // Each round starts with another client, so no client always runs first (a cold server favours later ones).
        const order = clients.map((_, index) => clients[(index + round) % clients.length] as (typeof clients)[number]);
        for (const [name, transport] of order) {
          const result = await measure({
            concurrency: scenario.concurrency,
            requests: Math.max(scenario.concurrency, Math.round(scenario.requests * scale)),
            warmup: Math.max(scenario.concurrency, Math.round(scenario.warmup * scale)),
            task: async () => {
              await transport.complete(request);
              return undefined;
            },
          });
          const entry = results.get(name) ?? { throughput: [], cpu: [] };
          entry.throughput.push(result.throughput);
          entry.cpu.push(result.cpuPerRequestUs);
          results.set(name, entry);
        }
      }
      const baseline = results.get('static key (baseline)');
      for (const [name, entry] of results) {
        if (baseline === undefined) continue;
        const throughput = median(entry.throughput);
        const cpu = median(entry.cpu);
        rows.push([
          scenario.name,
          name,
          throughput.toFixed(0),
          (throughput / median(baseline.throughput)).toFixed(2),
          cpu.toFixed(0),
          (cpu / median(baseline.cpu)).toFixed(2),
        ]);
      }
      console.error(`done: ${scenario.name}`);
    }
  } finally {
    await Promise.all(clients.map(([, transport]) => transport.close()));
    await proxy.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const header = ['scenario', 'key source', 'req/s', '× static', 'CPU µs/req', '× static'];
  console.log(
    `Node ${process.versions.node}, ${new Date().toISOString()}, measured, median of ${ROUNDS} rounds${scale < 1 ? ' (quick run)' : ''}`,
  );
  console.log(formatTable(header, rows));
}

await main();
