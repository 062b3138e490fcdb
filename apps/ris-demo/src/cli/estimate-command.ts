import { createPriceResolver } from '@acpt/config';
import { AGENTS } from '../agents/agent-definitions.ts';
import { estimateRun } from '../cost/estimate-run.ts';
import { renderEstimate } from '../cost/render-estimate.ts';
import { DEFAULT_KPI_WEIGHTS } from '../orchestrator/kpi-weights.ts';
import type { ScenarioOverrides } from '../scenario/scenario-config.ts';
import { loadDemoConfig } from './demo-config.ts';
import type { CliOptions } from './parse-args.ts';

/**
 * `--estimate`: projects the run's requests, tokens and cost from the configuration and the scenario, at the
 * configured or built-in price of the configured model (the served catalogue is not read: nothing is sent), prints
 * it and returns exit code 0.
 */
export function printEstimate(
  cli: CliOptions,
  overrides: ScenarioOverrides,
  io: { readonly stdout: { write(text: string): unknown }; readonly env: NodeJS.ProcessEnv; readonly cwd: string },
): number {
  const config = loadDemoConfig({ cli, agentCount: AGENTS.length, env: io.env, cwd: io.cwd });
  const prices = createPriceResolver({ configured: config.pricing, onWarning: () => {} });
  const estimate = estimateRun({
    // A multi-seed run (`--seeds`, when the CLI has it) is projected over every seed.
    seeds: (cli as { readonly seeds?: readonly number[] }).seeds ?? [cli.seed],
    steps: cli.steps,
    scenario: overrides,
    batching: cli.batching,
    weights: cli.weights ?? DEFAULT_KPI_WEIGHTS,
    model: config.model,
    prices,
  });
  io.stdout.write(renderEstimate(estimate));
  return 0;
}
