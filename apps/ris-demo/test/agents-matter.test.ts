import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@acpt/config';
import type { MockResponder } from '@acpt/transport-mock';
import { describe, expect, it } from 'vitest';
import { createMockResponder } from '../src/agents/mock-responder.ts';
import { createLlmEnvironment } from '../src/cli/llm-environment.ts';
import { decisionSource } from '../src/experiment/decision-source.ts';
import { DEMO_BASELINES, runBaseline } from '../src/orchestrator/baseline-run.ts';
import { DEFAULT_KPI_WEIGHTS } from '../src/orchestrator/kpi-weights.ts';
import { runDemo } from '../src/orchestrator/run-demo.ts';

const SEED = 5;
const STEPS = 150;

async function runWith(responder: MockResponder, name: string) {
  const config = parseConfig({ mockMode: true, batching: { batchSize: 3 } });
  const llm = await createLlmEnvironment({ mode: 'mock', config, seed: SEED, responder });
  try {
    return await runDemo({
      run: {
        seed: SEED,
        steps: STEPS,
        mode: 'mock',
        model: config.model,
        batching: 'micro',
        batchSize: 3,
        onLlmFailure: 'mock',
        latencyBudgetMs: config.latencyBudget.ms,
        weights: DEFAULT_KPI_WEIGHTS,
        coordinator: 'on',
      },
      decisions: decisionSource('mock', config.model),
      outDir: join(mkdtempSync(join(tmpdir(), 'ris-agents-')), name),
      adapter: llm.adapter,
      clock: llm.clock,
      baselines: [],
    });
  } finally {
    await llm.close();
  }
}

describe('the agents matter', () => {
  it('on a fixed seed, the closed-form optimiser beats the random policy', () => {
    const result = (name: string) =>
      runBaseline({
        baseline: DEMO_BASELINES.find((baseline) => baseline.name === name)!,
        seed: SEED,
        steps: STEPS,
      }).summary();
    const closedForm = result('closed-form');
    const random = result('random');
    expect(closedForm.meanSumRateBps).toBeGreaterThan(random.meanSumRateBps * 1.1);
    expect(closedForm.energyEfficiencyBitPerJ).toBeGreaterThan(random.energyEfficiencyBitPerJ);
    expect(closedForm.sicFailures).toBeLessThan(random.sicFailures);
  });

  it('different model decisions give different KPIs', async () => {
    const standard = await runWith(createMockResponder(), 'standard');
    const reluctant = await runWith(
      createMockResponder({
        decisions: {
          v2i: () => ({ handovers: [] }),
          noma: () => ({ pairs: [] }),
          ris: (view) => ({ favour: [{ vehicleId: view.vehicles[0]!.id, weight: 1 }] }),
        },
      }),
      'reluctant',
    );
    const kpis = (result: typeof standard) => result.summary.policies['scripted-agents']!.kpis;
    expect(kpis(standard).handoverSuccesses).toBeGreaterThan(0);
    expect(kpis(reluctant).handoverSuccesses).toBe(0);
    expect(kpis(reluctant).meanSumRateBps).not.toBe(kpis(standard).meanSumRateBps);
    expect(kpis(reluctant).meanJainFairness).not.toBe(kpis(standard).meanJainFairness);
    expect(standard.summary.agents.noma.approved).toBeGreaterThan(0);
    expect(reluctant.summary.agents.v2i.approved).toBe(0);
  });
});
