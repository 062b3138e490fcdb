/**
 * Bench: steps per second of the LLM-agent loop in mock mode (three agent requests per step through the adapter and
 * the mock transport on a virtual clock, coordination with predict(), physics, JSONL output), for the default
 * scenario and for 4× the vehicles and 4× the RIS elements, plus the whole demo (agents and three baselines) on the
 * default scenario. Run: `flock /work/main/.git/acpt-bench.lock node --conditions=@acpt/source bench/steps-per-second.ts`
 * (or `./task bench ris-demo`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@acpt/config';
import { AGENTS } from '../src/agents/agent-definitions.ts';
import { createMockResponder } from '../src/agents/mock-responder.ts';
import { createLlmEnvironment } from '../src/cli/llm-environment.ts';
import { decisionSource } from '../src/experiment/decision-source.ts';
import { type Baseline, DEMO_BASELINES } from '../src/orchestrator/baseline-run.ts';
import { DEFAULT_KPI_WEIGHTS } from '../src/orchestrator/kpi-weights.ts';
import { runDemo } from '../src/orchestrator/run-demo.ts';
import type { ScenarioOverrides } from '../src/scenario/types.ts';

interface Case {
  readonly name: string;
  readonly steps: number;
  readonly scenario: ScenarioOverrides;
  readonly baselines: readonly Baseline[];
}

const cases: readonly Case[] = [
  { name: 'default (12 vehicles, 3 RSUs, 256 elements)', steps: 1000, scenario: {}, baselines: [] },
  { name: '4x vehicles (48 vehicles, 256 elements)', steps: 250, scenario: { vehicleCount: 48 }, baselines: [] },
  {
    name: '4x RIS elements (12 vehicles, 1024 elements)',
    steps: 250,
    scenario: { ris: { rows: 32, columns: 32 } },
    baselines: [],
  },
  { name: 'whole demo, default scenario, agents + 4 baselines', steps: 1000, scenario: {}, baselines: DEMO_BASELINES },
];

const root = mkdtempSync(join(tmpdir(), 'ris-bench-'));
console.log('case'.padEnd(52), 'steps'.padStart(6), 'wall s'.padStart(8), 'steps/s'.padStart(9), 'ms/step'.padStart(9));
try {
  for (const [index, benchCase] of cases.entries()) {
    const config = parseConfig({ mockMode: true, batching: { batchSize: AGENTS.length } });
    const llm = await createLlmEnvironment({ mode: 'mock', config, seed: 1, responder: createMockResponder() });
    const started = performance.now();
    try {
      await runDemo({
        run: {
          seed: 1,
          steps: benchCase.steps,
          mode: 'mock',
          model: config.model,
          batching: 'micro',
          batchSize: AGENTS.length,
          onLlmFailure: 'mock',
          latencyBudgetMs: config.latencyBudget.ms,
          weights: DEFAULT_KPI_WEIGHTS,
          coordinator: 'on',
        },
        decisions: decisionSource('mock', config.model),
        outDir: join(root, String(index)),
        scenario: benchCase.scenario,
        adapter: llm.adapter,
        clock: llm.clock,
        baselines: benchCase.baselines,
      });
    } finally {
      await llm.close();
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      benchCase.name.padEnd(52),
      String(benchCase.steps).padStart(6),
      seconds.toFixed(2).padStart(8),
      (benchCase.steps / seconds).toFixed(0).padStart(9),
      ((seconds * 1000) / benchCase.steps).toFixed(2).padStart(9),
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
