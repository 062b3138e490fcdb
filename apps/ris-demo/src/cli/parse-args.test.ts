import { describe, expect, it } from 'vitest';
import { CliUsageError } from './cli-usage-error.ts';
import { parseCliArgs } from './parse-args.ts';

describe('parseCliArgs', () => {
  it('gives the documented defaults', () => {
    expect(parseCliArgs([], '/home/u')).toEqual({
      steps: 200,
      seed: 1,
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
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv, '/w')).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv, '/w')).toThrow(message);
  });
});
