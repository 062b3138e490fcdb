/**
 * One client of the adapter bench in its own process (own heap, own JIT, own CPU clock), so clients compared in one
 * run cannot tax each other's garbage collection. Driven over IPC by `adapter-bench.ts`: each `run` message runs
 * requests against the given server URL and answers with the measured {@link Run}; `close` closes the clients. No
 * collection is forced between rounds (each process collects its own garbage, as an application does);
 * `ACPT_BENCH_GC=1` forces one before each round.
 *
 *   node --conditions=@acpt/source --expose-gc bench/bench-worker.ts <raw|transport|adapter|adapter-cost-off|adapter-cost-limit>
 */
import { adapterClient, type Client, rawUndici, transportClient } from './bench-clients.ts';
import { type Run, runConcurrent } from './bench-harness.ts';

/** What the bench asks a worker to do. */
export type WorkerRequest =
  | {
      readonly type: 'run';
      readonly id: number;
      readonly url: string;
      readonly concurrency: number;
      readonly requests: number;
      readonly stream: boolean;
    }
  | { readonly type: 'close' };

/** A worker's answer to a `run`. */
export interface WorkerReply {
  readonly id: number;
  readonly name: string;
  readonly run: Run;
  /** Adapter events received so far (0 for clients without events). */
  readonly events: number;
}

const factories: Record<string, (url: string) => Client> = {
  raw: rawUndici,
  transport: transportClient,
  adapter: (url) => adapterClient(url),
  'adapter-cost-off': (url) => adapterClient(url, 'off'),
  'adapter-cost-limit': (url) => adapterClient(url, 'limit'),
};
const factory = factories[process.argv[2] ?? ''];
if (factory === undefined) throw new Error(`unknown client ${process.argv[2]}; one of ${Object.keys(factories)}`);

let current: { url: string; client: Client } | undefined;

async function clientFor(url: string): Promise<Client> {
  if (current?.url === url) return current.client;
  await current?.client.close();
  current = { url, client: (factory as (url: string) => Client)(url) };
  return current.client;
}

process.on('message', (message: WorkerRequest) => {
  void (async () => {
    if (message.type === 'close') {
      await current?.client.close();
      process.disconnect();
      return;
    }
    const client = await clientFor(message.url);
    if (process.env.ACPT_BENCH_GC === '1') (globalThis as { gc?: () => void }).gc?.();
    const task = message.stream ? () => client.stream() : () => client.complete();
    const run = await runConcurrent(message.concurrency, message.requests, task);
    const reply: WorkerReply = { id: message.id, name: client.name, run, events: client.events() };
    process.send?.(reply);
  })();
});
