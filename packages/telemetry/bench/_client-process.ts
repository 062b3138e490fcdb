/**
 * One bench client in a process of its own, as an application would run it: a fresh heap and JIT, not shared with the
 * other clients of the bench. Warms up, collects garbage, measures, then prints one JSON line (`Run` plus `spans`, the
 * spans exported during the measured requests):
 *
 *   node --conditions=@acpt/source --expose-gc bench/_client-process.ts <client> --url=<mock server> \
 *     --requests=<n> [--warmup=<n>] [--concurrency=64]
 */
import { type BenchClientKind, createBenchClient } from './_clients.ts';
import { measure } from './_measure.ts';

function option(name: string, fallback?: number): number {
  const argument = process.argv.find((candidate) => candidate.startsWith(`--${name}=`));
  const value = argument === undefined ? fallback : Number(argument.slice(name.length + 3));
  if (value === undefined || !Number.isFinite(value)) throw new Error(`--${name}=<number> is required`);
  return value;
}

const kind = process.argv[2] as BenchClientKind;
const urlArgument = process.argv.find((argument) => argument.startsWith('--url='));
if (urlArgument === undefined) throw new Error('--url=<mock server url> is required');
const requests = option('requests');
const concurrency = option('concurrency', 64);
const client = createBenchClient(kind, urlArgument.slice('--url='.length));
try {
  await measure(client, option('warmup', requests), concurrency);
  (globalThis as { gc?: () => void }).gc?.();
  await client.flush();
  const spansBefore = client.spans();
  const run = await measure(client, requests, concurrency);
  await client.flush();
  process.stdout.write(`${JSON.stringify({ ...run, spans: client.spans() - spansBefore, requests })}\n`);
} finally {
  await client.close();
}
