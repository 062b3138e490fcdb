/**
 * Bench (a script, not a test): the multi-seed experiment and the oracle.
 *
 * 1. `20 seeds × 1000 steps`, every policy except the oracle (scripted agents through the adapter, scripted rules,
 *    fixed heuristic, random, closed-form), mock mode, on worker threads — target: under 60 s on the 2-core machine.
 *    Printed with the same run on one thread (the same-run baseline: the ratio is the parallel speed-up).
 * 2. The oracle alone at the default scenario: wall and CPU milliseconds per step and `predict()` calls per step —
 *    target ≤ 20 ms per step.
 *
 * Run: `node --conditions=@acpt/source bench/multi-seed.ts [seeds] [steps]` (defaults 20 and 1000), or
 * `./task bench` (every package's bench). The machine is shared: the load average is printed with the results.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { oraclePolicy } from '../src/baselines/oracle/oracle-policy.ts';
import type { OracleDecision } from '../src/baselines/oracle/oracle-search.ts';
import { runMultiSeed } from '../src/experiment/multi-seed.ts';
import { DEFAULT_KPI_WEIGHTS } from '../src/orchestrator/kpi-weights.ts';
import { createSimulation } from '../src/scenario/create-simulation.ts';

const seedCount = Number(process.argv[2] ?? 20);
const steps = Number(process.argv[3] ?? 1000);
const seeds = Array.from({ length: seedCount }, (_, index) => index + 1);
const root = mkdtempSync(join(tmpdir(), 'ris-bench-seeds-'));
const load = (): string => loadavg()[0]!.toFixed(1);

async function timed(threads: number): Promise<{ wallS: number; cpuS: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await runMultiSeed({
    seeds,
    job: { steps, oracle: false },
    outDir: join(root, `threads-${threads}`),
    threads,
  });
  if (result.summary.status !== 'complete') throw new Error(`bench run ${result.summary.status}`);
  const used = process.cpuUsage(cpu);
  return { wallS: (performance.now() - started) / 1000, cpuS: (used.user + used.system) / 1e6 };
}

try {
  const cores = availableParallelism();
  console.log(`multi-seed: ${seedCount} seeds × ${steps} steps, every policy except the oracle, mock mode`);
  const parallel = await timed(cores);
  const serial = await timed(1);
  console.log(
    [
      `| threads | wall s | CPU s (all threads) | target | load avg |`,
      `| ------- | ------ | ------------------- | ------ | -------- |`,
      `| ${cores} | ${parallel.wallS.toFixed(1)} | ${parallel.cpuS.toFixed(1)} | < 60 s: ${parallel.wallS < 60 ? 'met' : 'missed'} | ${load()} |`,
      `| 1 | ${serial.wallS.toFixed(1)} | ${serial.cpuS.toFixed(1)} | (same-run baseline) | ${load()} |`,
      `speed-up ${(serial.wallS / parallel.wallS).toFixed(2)}× on ${cores} threads`,
    ].join('\n'),
  );

  const oracleSteps = Math.min(steps, 300);
  const simulation = createSimulation({ seed: 1 });
  const decisions: OracleDecision[] = [];
  const oracle = oraclePolicy({
    simulation,
    weights: DEFAULT_KPI_WEIGHTS,
    seed: 1,
    scenario: simulation.scenario,
    onDecision: (decision) => decisions.push(decision),
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let step = 0; step < oracleSteps; step += 1) simulation.step(oracle(simulation.observe()));
  const used = process.cpuUsage(cpu);
  const wallMs = (performance.now() - started) / oracleSteps;
  const cpuMs = (used.user + used.system) / 1000 / oracleSteps;
  const predictions = decisions.reduce((sum, decision) => sum + decision.evaluations, 0) / oracleSteps;
  console.log(
    [
      `oracle at the default scenario, ${oracleSteps} steps (mode: ${decisions[0]?.mode}):`,
      `| wall ms/step | CPU ms/step | predict() per step | target ≤ 20 ms | load avg |`,
      `| ------------ | ----------- | ------------------ | -------------- | -------- |`,
      `| ${wallMs.toFixed(1)} | ${cpuMs.toFixed(1)} | ${predictions.toFixed(0)} | ${cpuMs <= 20 ? 'met (CPU)' : 'missed'} | ${load()} |`,
    ].join('\n'),
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
