// A campaign worker process for the crash tests: `node --conditions=@acpt/source worker-program.ts '<json>'`.
// Prints one JSON line per worker event; SIGTERM closes it gracefully.
import { readFileSync } from 'node:fs';
import { createAdapter } from '@acpt/adapter';
import { parseConfig } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import type { QuotaLimits } from '../admission/quota-limits.ts';
import { RedisAdmission } from '../admission/redis-admission.ts';
import { connectRedis } from '../redis/redis-connection.ts';
import { FilesystemResultsStore } from '../results/filesystem-results-store.ts';
import { startCampaignWorker } from '../worker/campaign-worker.ts';
import { createSyntheticRunner } from './synthetic-runner.ts';

/** The program's settings (argv[2], JSON). */
export interface WorkerProgramSettings {
  readonly redisUrl: string;
  readonly campaign: string;
  readonly resultsDir: string;
  readonly mockUrl: string;
  readonly logFile: string;
  readonly steps: number;
  readonly concurrency?: number;
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  readonly quota?: QuotaLimits;
  /**
   * A file holding a number of ms added to Date.now() for the admission windows, read at every call: the quota test
   * shares the mock server's shifted clock, set once the workers are up.
   */
  readonly clockOffsetFile?: string;
  readonly maxCompletionTokens?: number;
  readonly poison?: readonly string[];
  /** `local`: each process on its own (the adapter's default in-process admission), for the control runs. */
  readonly admission?: 'redis' | 'local';
  /** Adapter retries after the first attempt. @defaultValue 0 */
  readonly maxRetries?: number;
  /** Print the adapter's counters (`type: 'stats'`) this often. */
  readonly statsEveryMs?: number;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as WorkerProgramSettings;
const print = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ pid: process.pid, ...line })}\n`);
};
const config = parseConfig({
  mockMode: false,
  fallback: 'throw',
  apiKey: 'csk-campaign-test-key',
  baseUrl: settings.mockUrl,
  maxCompletionTokens: settings.maxCompletionTokens ?? 256,
  timeouts: { totalMs: 180_000 },
  retry: { maxRetries: settings.maxRetries ?? 0 },
});
const admissionRedis = connectRedis(settings.redisUrl, 'worker');
const offsetFile = settings.clockOffsetFile;
const admission = new RedisAdmission({
  redis: admissionRedis,
  quota: settings.quota,
  prefix: `acpt:admission:${settings.campaign}`,
  ...(offsetFile === undefined ? {} : { clock: () => Date.now() + Number(readFileSync(offsetFile, 'utf8')) }),
  onError: (error) => print({ type: 'admission-error', error: String(error) }),
});
const adapter = createAdapter({
  config,
  transport: createCerebrasTransport({ config }),
  ...(settings.admission === 'local' ? {} : { admission }),
});
const workerRedis = connectRedis(settings.redisUrl, 'worker');
const worker = startCampaignWorker({
  redis: workerRedis,
  campaign: settings.campaign,
  store: new FilesystemResultsStore(settings.resultsDir),
  run: createSyntheticRunner({
    adapter,
    logFile: settings.logFile,
    steps: settings.steps,
    poison: settings.poison,
  }),
  concurrency: settings.concurrency ?? 1,
  lockDurationMs: settings.lockDurationMs ?? 2_000,
  stalledIntervalMs: settings.stalledIntervalMs ?? 1_000,
  onEvent: (event) => print(event),
});
worker.worker.on('ready', () => print({ type: 'ready' }));
const counters = (): { succeeded: number; rateLimited: number } => {
  const diagnostics = adapter.diagnostics();
  const rateLimited = Object.values(diagnostics.rateLimits.byKind).reduce((sum, count) => sum + count, 0);
  return { succeeded: diagnostics.counts.succeeded, rateLimited };
};
if (settings.statsEveryMs !== undefined) {
  setInterval(() => print({ type: 'stats', atMs: Date.now(), ...counters() }), settings.statsEveryMs).unref();
}
process.once('SIGTERM', () => {
  void (async () => {
    await worker.close();
    await adapter.close();
    admissionRedis.disconnect();
    workerRedis.disconnect();
    print({ type: 'closed', rateLimits: adapter.diagnostics().rateLimits });
    process.exit(0);
  })();
});
