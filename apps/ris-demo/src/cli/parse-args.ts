import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSeedList, SeedListError } from '../experiment/seed-list.ts';
import type { CoordinatorMode } from '../orchestrator/coordinator.ts';
import { type KpiWeights, parseKpiWeights } from '../orchestrator/kpi-weights.ts';
import { CliUsageError } from './cli-usage-error.ts';

/** How the agents reach a model. */
export type RunMode = 'mock' | 'live' | 'replay';
/** How one step's agent requests are batched by the adapter. */
export type BatchingMode = 'micro' | 'templated';
/** Which telemetry exporter is started. */
export type TelemetryMode = 'off' | 'otlp' | 'prometheus';
/** What a step does when the adapter fails: answer from the mock responder, or apply no agent action. */
export type LlmFailurePolicy = 'mock' | 'skip';

/** The parsed command line of the demo. */
export interface CliOptions {
  readonly steps: number;
  readonly seed: number;
  /** `--seeds`: a multi-seed experiment over these seeds (sorted, distinct); absent for a single run. */
  readonly seeds?: readonly number[];
  /** Worker threads of a multi-seed experiment; the machine's available parallelism when absent. */
  readonly threads?: number;
  /** Whether every policy's proposals go through the coordinator. */
  readonly coordinator: CoordinatorMode;
  /** Whether the oracle upper bound runs too. */
  readonly oracle: boolean;
  /** Absolute output folder. */
  readonly outDir: string;
  readonly mode: RunMode;
  /** Absolute path of an acpt config file (JSON), if given. */
  readonly configFile?: string;
  /** Requests per adapter batch; the config's value when absent. */
  readonly batchSize?: number;
  readonly batching: BatchingMode;
  readonly telemetry: TelemetryMode;
  readonly onLlmFailure: LlmFailurePolicy;
  /** Coordinator weights (normalised); the defaults 0.5 / 0.3 / 0.2 when absent. */
  readonly weights?: KpiWeights;
  /** Live mode: record every exchange to this cassette. */
  readonly recordCassette?: string;
  /** Replay mode: the cassette to replay. */
  readonly replayCassette?: string;
  /** Overrides the endpoint (e.g. a local mock Cerebras server). */
  readonly baseUrl?: string;
  /** Overrides the configured model id. */
  readonly model?: string;
  /** Scenario overrides. */
  readonly vehicles?: number;
  readonly risElements?: number;
  /** Absolute path of a scenario file (JSON, any subset of the scenario's fields). */
  readonly scenarioFile?: string;
  /** Write the resolved scenario (defaults, file and flags) to stdout as JSON and exit. */
  readonly printScenario: boolean;
  /** Print the projected requests, tokens and cost of the run and exit, sending nothing. */
  readonly estimate: boolean;
  /** A parameter grid, e.g. `risElements=64,256;vehicles=8,16` (see scenario/scenario-grid.ts). */
  readonly grid?: string;
  /** No progress bar or summary table. */
  readonly quiet: boolean;
  readonly help: boolean;
}

/** The demo's usage text. */
export const USAGE: string = `Usage: pnpm demo -- [options]

  --steps N               simulation steps (default 200)
  --seed S                seed of the scenario, the physics and the mock (default 1)
  --seeds LIST            multi-seed experiment, e.g. 1..20 or 1,4,9 (mock mode): every policy on every seed
  --threads N             worker threads of a multi-seed experiment (default: available cores)
  --coordinator on|off    weigh every policy's proposals with the coordinator, or apply them as they are (default on)
  --no-oracle             leave out the oracle upper bound (a per-step search of the joint action space)
  --out DIR               output folder for steps.jsonl, summary.json, report.html (default out/demo)
  --mode MODE             mock | live | replay (default mock)
  --config FILE           acpt config file (JSON); CEREBRAS_* variables still apply
  --batch-size N          requests per adapter batch (default from config)
  --batching KIND         micro | templated (default micro)
  --telemetry KIND        off | otlp | prometheus (default off; OTLP via OTEL_* variables)
  --on-llm-failure P      mock | skip: what a step does when the adapter fails (default mock)
  --weights W             coordinator weights (default energy=0.5,fairness=0.3,latency=0.2)
  --record FILE           live mode: record the model exchanges to a cassette (JSONL)
  --cassette FILE         replay mode: the cassette to replay
  --base-url URL          live mode: endpoint override (e.g. a local mock server)
  --model ID              model id override (default from config, gpt-oss-120b)
  --vehicles N            vehicles in the scenario (default from the scenario)
  --ris-elements N        RIS elements (default from the scenario)
  --scenario FILE         scenario file (JSON): any subset of the scenario's fields; flags above win
  --print-scenario        write the resolved scenario as JSON (a valid --scenario file) and exit
  --estimate              print the run's projected requests, tokens and cost, and exit (nothing is sent)
  --grid SPEC             parameter grid, e.g. 'risElements=64,256,1024;vehicles=8,16' (cross product)
  --quiet                 no progress bar and no summary table
  -h, --help              this text
`;

const choices = {
  mode: ['mock', 'live', 'replay'],
  batching: ['micro', 'templated'],
  telemetry: ['off', 'otlp', 'prometheus'],
  'on-llm-failure': ['mock', 'skip'],
  coordinator: ['on', 'off'],
} as const;

/**
 * Parses the demo's arguments. A leading `--` (as `pnpm demo -- …` may pass it) is ignored; relative paths are
 * resolved against `baseDirectory` (the caller passes pnpm's `INIT_CWD`, the folder the user ran the command in).
 * @throws {CliUsageError} on unknown options, bad values or incompatible combinations
 */
export function parseCliArgs(argv: readonly string[], baseDirectory: string): CliOptions {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values: Record<string, string | boolean | undefined>;
  let tokens: readonly { kind: string; name?: string; rawName?: string }[];
  try {
    ({ values, tokens } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      tokens: true,
      options: {
        steps: { type: 'string' },
        seed: { type: 'string' },
        seeds: { type: 'string' },
        threads: { type: 'string' },
        coordinator: { type: 'string' },
        'no-oracle': { type: 'boolean' },
        out: { type: 'string' },
        mode: { type: 'string' },
        config: { type: 'string' },
        'batch-size': { type: 'string' },
        batching: { type: 'string' },
        telemetry: { type: 'string' },
        'on-llm-failure': { type: 'string' },
        weights: { type: 'string' },
        record: { type: 'string' },
        cassette: { type: 'string' },
        'base-url': { type: 'string' },
        model: { type: 'string' },
        vehicles: { type: 'string' },
        'ris-elements': { type: 'string' },
        scenario: { type: 'string' },
        'print-scenario': { type: 'boolean' },
        estimate: { type: 'boolean' },
        grid: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  rejectRepeatedOptions(tokens);
  if (values['out'] === '') throw new CliUsageError('--out must name a folder, got an empty string');
  if (values['seed'] !== undefined && values['seeds'] !== undefined) {
    throw new CliUsageError('--seed and --seeds exclude each other (one seed: --seeds 7)');
  }
  const path = (value: string | boolean | undefined): string | undefined =>
    typeof value === 'string' ? (isAbsolute(value) ? value : resolve(baseDirectory, value)) : undefined;
  const options: CliOptions = {
    steps: integer(values, 'steps', 200, 1),
    seed: integer(values, 'seed', 1, 0),
    seeds: seeds(values['seeds']),
    threads: optionalInteger(values, 'threads', 1),
    coordinator: choice(values, 'coordinator', 'on'),
    oracle: values['no-oracle'] !== true,
    outDir: path(values['out']) ?? resolve(baseDirectory, 'out/demo'),
    mode: choice(values, 'mode', 'mock'),
    configFile: path(values['config']),
    batchSize: optionalInteger(values, 'batch-size', 1),
    batching: choice(values, 'batching', 'micro'),
    telemetry: choice(values, 'telemetry', 'off'),
    onLlmFailure: choice(values, 'on-llm-failure', 'mock'),
    weights: weights(values['weights']),
    recordCassette: path(values['record']),
    replayCassette: path(values['cassette']),
    baseUrl: typeof values['base-url'] === 'string' ? values['base-url'] : undefined,
    model: typeof values['model'] === 'string' ? values['model'] : undefined,
    vehicles: optionalInteger(values, 'vehicles', 2),
    risElements: optionalInteger(values, 'ris-elements', 1),
    scenarioFile: path(values['scenario']),
    printScenario: values['print-scenario'] === true,
    estimate: values['estimate'] === true,
    grid: typeof values['grid'] === 'string' ? values['grid'] : undefined,
    quiet: values['quiet'] === true,
    help: values['help'] === true,
  };
  checkCombinations(options);
  return options;
}

function checkCombinations(options: CliOptions): void {
  if (options.seeds !== undefined) {
    if (options.mode !== 'mock') {
      throw new CliUsageError('--seeds needs --mode mock (a cassette holds one seed; run live seeds one by one)');
    }
    if (options.telemetry !== 'off') throw new CliUsageError('--seeds runs without --telemetry');
  }
  if (options.threads !== undefined && options.seeds === undefined) throw new CliUsageError('--threads needs --seeds');
  if (options.recordCassette && options.mode !== 'live') throw new CliUsageError('--record needs --mode live');
  if (options.mode === 'replay' && !options.replayCassette)
    throw new CliUsageError('--mode replay needs --cassette FILE');
  if (options.replayCassette && options.mode !== 'replay') throw new CliUsageError('--cassette needs --mode replay');
  if (options.baseUrl && options.mode !== 'live') throw new CliUsageError('--base-url needs --mode live');
  if (options.estimate && options.grid !== undefined) {
    throw new CliUsageError('--estimate projects one run: run it per grid point (--scenario with the point)');
  }
  if (options.grid !== undefined && (options.mode === 'replay' || options.recordCassette))
    throw new CliUsageError('--grid cannot be recorded or replayed: a cassette holds one run');
}

/** The same option twice (`--steps 5 --steps 9`) is a mistake, not "the last one wins". */
function rejectRepeatedOptions(tokens: readonly { kind: string; name?: string; rawName?: string }[]): void {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    if (token.kind === 'option' && token.name !== undefined) counts.set(token.name, (counts.get(token.name) ?? 0) + 1);
  }
  const repeated = [...counts].filter(([, count]) => count > 1).map(([name]) => `--${name}`);
  if (repeated.length > 0) throw new CliUsageError(`${repeated.join(', ')} given more than once`);
}

function seeds(raw: string | boolean | undefined): readonly number[] | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    return parseSeedList(raw);
  } catch (error) {
    if (error instanceof SeedListError) throw new CliUsageError(error.message);
    throw error;
  }
}

function integer(values: Record<string, unknown>, name: string, fallback: number, minimum: number): number {
  return optionalInteger(values, name, minimum) ?? fallback;
}

function optionalInteger(values: Record<string, unknown>, name: string, minimum: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < minimum) {
    throw new CliUsageError(`--${name} must be an integer ≥ ${minimum}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function choice<TName extends keyof typeof choices>(
  values: Record<string, unknown>,
  name: TName,
  fallback: (typeof choices)[TName][number],
): (typeof choices)[TName][number] {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const allowed: readonly string[] = choices[name];
  if (typeof raw !== 'string' || !allowed.includes(raw)) {
    throw new CliUsageError(`--${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  }
  return raw as (typeof choices)[TName][number];
}

function weights(raw: string | boolean | undefined): KpiWeights | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    return parseKpiWeights(raw);
  } catch (error) {
    throw new CliUsageError(`--weights: ${(error as Error).message}`);
  }
}
