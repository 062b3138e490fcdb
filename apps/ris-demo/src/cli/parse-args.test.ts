import { describe, expect, it } from 'vitest';
import { CliUsageError } from './cli-usage-error.ts';
import { parseCliArgs } from './parse-args.ts';

describe('parseCliArgs', () => {
  it('gives the documented defaults', () => {
    expect(parseCliArgs([], '/home/u')).toEqual({
      steps: 200,
      seed: 1,
      seeds: undefined,
      threads: undefined,
      coordinator: 'on',
      oracle: true,
      outDir: '/home/u/out/demo',
      mode: 'mock',
      configFile: undefined,
      batchSize: undefined,
      batching: 'micro',
      telemetry: 'off',
      onLlmFailure: 'mock',
      weights: undefined,
      recordCassette: undefined,
      replayCassette: undefined,
      baseUrl: undefined,
      model: undefined,
      vehicles: undefined,
      risElements: undefined,
      scenarioFile: undefined,
      printScenario: false,
      estimate: false,
      grid: undefined,
      quiet: false,
      help: false,
    });
  });

  it('parses and normalises coordinator weights', () => {
    expect(parseCliArgs(['--weights', 'energy=1,fairness=1'], '/w').weights).toEqual({
      energy: 0.5,
      fairness: 0.5,
      latency: 0,
    });
  });

  it('reads a multi-seed experiment, the coordinator switch and the oracle switch', () => {
    expect(
      parseCliArgs(['--seeds', '1,4,9', '--threads', '2', '--coordinator', 'off', '--no-oracle'], '/w'),
    ).toMatchObject({ seeds: [1, 4, 9], threads: 2, coordinator: 'off', oracle: false });
  });

  it('skips a leading -- and resolves paths against the base folder', () => {
    const options = parseCliArgs(
      ['--', '--steps', '5', '--seed', '0', '--out', 'run', '--mode', 'live', '--record', '/tmp/c.jsonl'],
      '/w',
    );
    expect(options).toMatchObject({
      steps: 5,
      seed: 0,
      outDir: '/w/run',
      mode: 'live',
      recordCassette: '/tmp/c.jsonl',
    });
  });

  it.each([
    [['--steps', '0'], '--steps must be an integer ≥ 1'],
    [['--steps', '1.5'], '--steps must be an integer'],
    [['--mode', 'online'], '--mode must be one of mock, live, replay'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--weights', 'power=1'], '--weights: unknown KPI weight'],
    [['--record', 'x.jsonl'], '--record needs --mode live'],
    [['--mode', 'replay'], '--mode replay needs --cassette FILE'],
    [['--cassette', 'x.jsonl'], '--cassette needs --mode replay'],
    [['--base-url', 'http://127.0.0.1:1'], '--base-url needs --mode live'],
    [['--out', ''], '--out must name a folder, got an empty string'],
    [['--steps', '5', '--steps', '9'], '--steps given more than once'],
    [['--quiet', '--quiet', '--seed', '1', '--seed', '2'], '--quiet, --seed given more than once'],
    [['--weights', 'energy=1,fairness=-1'], '--weights: KPI weight fairness must not be negative'],
    [['--coordinator', 'maybe'], '--coordinator must be one of on, off'],
    [
      ['--seeds', '1..x,3..1'],
      '--seeds: part 1 "1..x": "x" is not a non-negative integer; part 2 "3..1" is a reversed',
    ],
    [['--seeds', '1..3', '--seed', '2'], '--seed and --seeds exclude each other'],
    [['--seeds', '1..3', '--mode', 'replay', '--cassette', 'c'], '--seeds needs --mode mock'],
    [['--threads', '2'], '--threads needs --seeds'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv, '/w')).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv, '/w')).toThrow(message);
  });
});
