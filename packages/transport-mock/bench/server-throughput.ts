/**
 * Throughput of the mock Cerebras server: the server runs in a child process pinned to core 0 (`taskset -c 0`), this
 * process (pinned to core 1) drives it with undici over keep-alive connections at high concurrency, with 1,000
 * distinct non-streaming chat requests in rotation. Prints requests per second.
 *
 *   flock /work/main/.git/acpt-bench.lock node --conditions=@acpt/source bench/server-throughput.ts \
 *     [--seconds 5] [--connections 32] [--concurrency 128] [--stream]
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    concurrency: { type: 'string', default: '128' },
    stream: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const concurrency = Number(values.concurrency);

let pinned = true;
try {
  execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });
} catch {
  pinned = false;
  console.warn('taskset is not available: the server and the driver run unpinned, the figure is not one core');
}
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const serverCommand = [process.execPath, '--conditions=@acpt/source', cli, '--port', '0'];
const server = pinned
  ? spawn('taskset', ['-c', '0', ...serverCommand], { stdio: ['ignore', 'pipe', 'inherit'] })
  : spawn(serverCommand[0] as string, serverCommand.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve, reject) => {
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const match = /listening on (\S+)/.exec(output);
    if (match?.[1]) resolve(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const bodies = Array.from({ length: 1000 }, (_, index) =>
  JSON.stringify({
    model: 'gpt-oss-120b',
    messages: [
      { role: 'system', content: 'You control a reconfigurable intelligent surface for V2I NOMA downlinks.' },
      { role: 'user', content: `Step ${index}: choose phase bits for vehicles ${index % 7} and ${(index + 3) % 7}.` },
    ],
    max_completion_tokens: 256,
    temperature: 0.2,
    stream: values.stream,
  }),
);
const pool = new Pool(url, { connections, pipelining: 1 });

async function drive(untilMs: number, counts: { ok: number; failed: number }, offset: number): Promise<void> {
  for (let index = offset; Date.now() < untilMs; index += concurrency) {
    const response = await pool.request({
      path: '/v1/chat/completions',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
      body: bodies[index % bodies.length],
    });
    await response.body.text();
    if (response.statusCode === 200) counts.ok += 1;
    else counts.failed += 1;
  }
}

/** CPU seconds (user + system) the server process has used, from /proc; undefined where there is no /proc. */
function serverCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function run(
  durationMs: number,
): Promise<{ ok: number; failed: number; elapsedMs: number; cpuSeconds?: number }> {
  const counts = { ok: 0, failed: 0 };
  const cpuBefore = serverCpuSeconds();
  const started = performance.now();
  const until = Date.now() + durationMs;
  await Promise.all(Array.from({ length: concurrency }, (_, offset) => drive(until, counts, offset)));
  const cpuAfter = serverCpuSeconds();
  const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { ...counts, elapsedMs: performance.now() - started, cpuSeconds };
}

try {
  await run(1000);
  const result = await run(seconds * 1000);
  const perSecond = Math.round((result.ok / result.elapsedMs) * 1000);
  console.log(
    `mock server (${pinned ? '1 core' : 'unpinned'}, ${values.stream ? 'streaming' : 'non-streaming'}, ${connections} keep-alive connections, ` +
      `${concurrency} in flight): ${perSecond} requests/s (${result.ok} ok, ${result.failed} failed in ${(result.elapsedMs / 1000).toFixed(1)} s)`,
  );
  if (result.cpuSeconds)
    console.log(
      `server CPU: ${result.cpuSeconds.toFixed(2)} s, ${Math.round(result.ok / result.cpuSeconds)} requests per CPU-second ` +
        '(the capacity of one uncontended core; equals requests/s when the core is not shared)',
    );
  if (result.failed > 0) process.exitCode = 1;
} finally {
  await pool.close();
  server.kill('SIGTERM');
}
