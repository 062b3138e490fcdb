import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usage-error.ts';
import { parseLoadtestOptions } from './loadtest-options.ts';

describe('parseLoadtestOptions', () => {
  it('defaults to 1,000 requests at concurrency 64 with 20 % faults against a child-process mock server', () => {
    const options = parseLoadtestOptions([]);
    expect(options).toMatchObject({
      requests: 1000,
      concurrency: 64,
      placement: 'child',
      streamShare: 0.5,
      telemetry: 'memory',
      progressIntervalMs: 1000,
    });
    expect(options.faults).toHaveLength(7);
    expect(options.faults.at(-1)?.probability).toBeCloseTo(0.2, 12);
  });

  it('reads the run shape, the fault spec and the latency profile', () => {
    const options = parseLoadtestOptions([
      '--duration',
      '30s',
      '--concurrency',
      '256',
      '--rate',
      '500',
      '--faults',
      'service-unavailable:every=4',
      '--latency',
      'fixed:10',
      '--in-process',
      '--out',
      'out/x',
      '--progress',
      'off',
    ]);
    expect(options).toMatchObject({
      requests: undefined,
      durationMs: 30_000,
      concurrency: 256,
      ratePerSecond: 500,
      faults: [{ kind: 'service-unavailable', every: 4 }],
      latency: { kind: 'fixed', ms: 10 },
      placement: 'in-process',
      outDir: 'out/x',
      progressIntervalMs: 0,
    });
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--requests', '0'], /--requests must be an integer from 1/],
    [['--concurrency', 'many'], /--concurrency must be an integer/],
    [['--fault-rate', '1.5'], /--fault-rate must be a number from 0 to 1/],
    [['--faults', 'meteor-strike'], /--faults: unknown fault kind "meteor-strike"/],
    [['--faults', 'server-error', '--fault-rate', '0.1'], /either --faults or --fault-rate/],
    [['--duration', 'soon'], /--duration must be a duration/],
    [['--url', 'ftp://x'], /--url must be an http/],
    [['--url', 'http://127.0.0.1:1', '--in-process'], /cannot be combined with --url/],
    [['--telemetry', 'otlp'], /--telemetry must be memory, env or off/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('rejects %j with a usage error', (args, message) => {
    expect(() => parseLoadtestOptions(args)).toThrow(UsageError);
    expect(() => parseLoadtestOptions(args)).toThrow(message);
  });
});
