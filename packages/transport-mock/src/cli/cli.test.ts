import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chatBody, send } from '../__fixtures__/wire-client.ts';
import { parseCliArguments } from './parse-cli-arguments.ts';

const cliPath = fileURLToPath(new URL('../cli.ts', import.meta.url));

function startCli(args: readonly string[]): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['--conditions=@acpt/source', cliPath, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
  return { child, url };
}

describe('acpt-mock-server CLI', () => {
  it('parses every flag into server options', () => {
    const { options } = parseCliArguments(
      [
        '--port',
        '8080',
        '--latency-ms',
        '20-80',
        '--ttft-ms',
        '5',
        '--tokens-per-second',
        '2000',
        '--faults',
        'rate-limit-tokens:every=5',
        '--rate-limits',
        'rpm=30,tpd=1000',
        '--send-done',
        '--seed',
        '7',
        '--models',
        'gpt-oss-120b, other',
      ],
      { ACPT_MOCK_SERVER_API_KEY: 'from-env' },
    );
    expect(options).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      latency: { kind: 'seeded', minMs: 20, maxMs: 80, timeToFirstTokenMs: 5, tokensPerSecond: 2000 },
      faults: [{ kind: 'rate-limit-tokens', every: 5 }],
      rateLimits: { requestsPerMinute: 30, tokensPerDay: 1000 },
      sendDone: true,
      apiKey: 'from-env',
      seed: 7,
      models: ['gpt-oss-120b', 'other'],
    });
    expect(parseCliArguments(['--latency-ms', '15']).options.latency).toEqual({ kind: 'fixed', ms: 15 });
    expect(() => parseCliArguments(['--port', 'x'])).toThrow(/--port must be/);
    expect(() => parseCliArguments(['--faults', 'meteor-strike'])).toThrow(/unknown fault kind/);
    expect(() => parseCliArguments(['--rate-limits', 'rpx=3'])).toThrow(/"rpx=3" is not a quota/);
  });

  it('refuses flags that used to misbehave silently, naming the flag', () => {
    const refused: [string[], RegExp][] = [
      [['--latency-ms', '80-20'], /latency\.minMs must be at most latency\.maxMs \(20\)/],
      [['--latency-ms', '1e12'], /latency\.ms must be a number of ms from 0 to 2147483647 ms/],
      [['--ttft-ms', '3000000000'], /latency\.timeToFirstTokenMs must be/],
      [['--tokens-per-second', '0'], /latency\.tokensPerSecond must be a positive number/],
      [['--stream-chunk-tokens', '0'], /--stream-chunk-tokens must be an integer from 1/],
      [['--models', ''], /models\[0\] must be a non-empty model id/],
      [['--models', 'gpt-oss-120b,,x'], /models\[1\] must be a non-empty model id/],
      [['--api-key', ''], /--api-key must be a non-empty key/],
      [['--port', '70000'], /--port must be an integer from 0 to 65535/],
      [['--seed', '1', '--seed', '2'], /--seed must be given once/],
    ];
    for (const [args, message] of refused) expect(() => parseCliArguments(args)).toThrow(message);
    expect(() => parseCliArguments([], { ACPT_MOCK_SERVER_API_KEY: '' })).toThrow(/--api-key must be a non-empty/);
  });

  it('exits 2 with the message and the usage, no stack, for a bad flag', async () => {
    const child = spawn(process.execPath, ['--conditions=@acpt/source', cliPath, '--latency-ms', '80-20'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain('latency.minMs must be at most latency.maxMs');
    expect(stderr).toContain('Usage: acpt-mock-server');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('prints its URL, serves the faults it was given, and stops on SIGTERM', async () => {
    const { child, url } = startCli(['--faults', 'service-unavailable:at=1', '--api-key', 'cli-key']);
    try {
      const base = await url;
      const headers = { authorization: 'Bearer cli-key' };
      expect((await send(`${base}/v1/chat/completions`, { body: chatBody(), headers })).status).toBe(200);
      expect((await send(`${base}/v1/chat/completions`, { body: chatBody(), headers })).status).toBe(503);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      expect((await exited)[0]).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
