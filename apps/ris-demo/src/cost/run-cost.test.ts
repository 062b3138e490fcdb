import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import type { RunSummary } from '../report/run-summary.ts';

function capture() {
  let text = '';
  const write = (chunk: string): boolean => {
    text += chunk;
    return true;
  };
  return { stream: { isTTY: false, write }, text: () => text };
}

async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(args, { stdout: stdout.stream, stderr: stderr.stream, env, cwd } as never);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('the cost of a demo run', () => {
  it('is an estimate at the list price of the named model in mock mode, matching a hand computation', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ris-cost-'));
    const run = await cli(['--steps', '12', '--out', 'run'], folder);
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(folder, 'run', 'summary.json'), 'utf8')) as RunSummary;
    const cost = summary.cost;
    expect(cost).toMatchObject({
      basis: 'estimate at list price',
      model: 'gpt-oss-120b',
      price: { inputUsdPerMillion: 0.35, outputUsdPerMillion: 0.75, source: 'default', effectiveFrom: '2026-06-15' },
    });
    expect(cost?.label).toContain("the mock's estimated token counts × gpt-oss-120b");
    expect(cost?.label).toContain('nothing was billed');
    // By hand: every token the summary counts, at $0.35 / $0.75 per million (the mock reports no cached tokens).
    const byHand =
      ((summary.llm.adapterPath ?? summary.llm.measured)!.promptTokens * 0.35 +
        (summary.llm.adapterPath ?? summary.llm.measured)!.completionTokens * 0.75) /
      1e6;
    // summary.json keeps 6 significant digits.
    const near = (value: number | null | undefined, expected: number): void =>
      expect(Math.abs((value ?? Number.NaN) - expected) / expected).toBeLessThan(1e-5);
    near(cost?.usd, byHand);
    near(cost?.usdPerSimulatedSecond, byHand / (12 * summary.scenario.timeStepS));
    expect(Object.keys(cost?.byAgent ?? {}).sort()).toEqual(['noma', 'ris', 'v2i']);
    near(
      Object.values(cost?.byAgent ?? {}).reduce((sum, usd) => sum + usd, 0),
      byHand,
    );
    expect(run.stdout).toContain('cost (estimate at list price): $');
    expect(readFileSync(join(folder, 'run', 'report.html'), 'utf8')).toContain('cost (estimate at list price)');
  });

  it('--estimate projects requests, tokens and a cost range before anything is sent, close to a real run', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ris-cost-'));
    const estimate = await cli(['--steps', '12', '--estimate', '--out', 'never'], folder);
    expect(estimate.code).toBe(0);
    expect(estimate.stdout).toMatch(/^Estimate, nothing sent: 1 seed × 12 steps/);
    const requests = Number(/requests +(\d+)/.exec(estimate.stdout)?.[1]);
    const prompt = Number(/prompt tokens +≈ ([\d,]+)/.exec(estimate.stdout)?.[1]?.replaceAll(',', ''));
    const [floor, ceiling] = [
      ...estimate.stdout.matchAll(/\$([\d.]+) \((?:prompts only|every completion token)\)/g),
    ].map((match) => Number(match[1]));
    await cli(['--steps', '12', '--out', 'run'], folder);
    const summary = JSON.parse(readFileSync(join(folder, 'run', 'summary.json'), 'utf8')) as RunSummary;
    expect(requests).toBe(summary.llm.requests);
    expect(
      Math.abs(prompt - (summary.llm.adapterPath ?? summary.llm.measured)!.promptTokens) /
        (summary.llm.adapterPath ?? summary.llm.measured)!.promptTokens,
    ).toBeLessThan(0.05);
    expect(floor).toBeLessThanOrEqual(summary.cost?.usd ?? Number.NaN);
    expect(ceiling).toBeGreaterThanOrEqual(summary.cost?.usd ?? Number.NaN);
    expect(() => readFileSync(join(folder, 'never', 'summary.json'))).toThrow();
  });

  it('says the cost is unknown for a model without a price, and refuses --estimate with --grid', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ris-cost-'));
    const unpriced = await cli(['--steps', '3', '--estimate', '--model', 'qwen-3.8-27b'], folder);
    expect(unpriced.stdout).toContain('cost               unknown: qwen-3.8-27b has no price');
    const priced = await cli(['--steps', '3', '--estimate', '--model', 'qwen-3.8-27b'], folder, {
      ACPT_PRICING: '{"qwen-3.8-27b":{"inputUsdPerMillion":0.2,"outputUsdPerMillion":0.6}}',
    });
    expect(priced.stdout).toContain('at $0.2 input / $0.6 output per million tokens (configured price)');
    const grid = await cli(['--estimate', '--grid', 'vehicles=4,8'], folder);
    expect(grid.code).toBe(2);
    expect(grid.stderr).toContain('--estimate projects one run');
  });
});
