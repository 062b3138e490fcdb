import type { AdapterResponse } from '@acpt/adapter';
import { afterEach, describe, expect, it } from 'vitest';
import { type AdapterScenario, adapterScenario } from '../__fixtures__/adapter-scenario.ts';

const pricing = { 'gpt-oss-120b': { inputUsdPerMillion: 1000, outputUsdPerMillion: 2000 } };
let scenario: AdapterScenario | undefined;

afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

describe('cost telemetry', () => {
  it('counts billed USD in acpt.llm.cost by model and chosen caller attributes, and puts it on the span', async () => {
    scenario = adapterScenario({
      config: { pricing },
      instrumentation: { costAttributes: ['agent', 'scenario'], maxCostAttributeValues: 2 },
    });
    const { adapter, telemetry } = scenario;
    const answers: AdapterResponse[] = [];
    for (const agent of ['ris', 'v2i', 'noma', 'ris']) {
      answers.push(await adapter.generate(`decide as ${agent}`, { attributes: { agent, scenario: 's1', step: 3 } }));
    }
    const usd = (index: number): number => answers[index]?.cost.usd ?? Number.NaN;
    const sums = await telemetry.sums('acpt.llm.cost');
    const byAgent = Object.fromEntries(sums.map((point) => [point.attributes['acpt.agent'], point.value]));
    expect(byAgent.ris).toBeCloseTo(usd(0) + usd(3), 12);
    expect(byAgent.v2i).toBeCloseTo(usd(1), 12);
    // At most two agent values are kept: the third distinct one counts as _other; step is never copied.
    expect(byAgent._other).toBeCloseTo(usd(2), 12);
    for (const point of sums) {
      expect(point.attributes).toMatchObject({ 'gen_ai.request.model': 'gpt-oss-120b', 'acpt.scenario': 's1' });
      expect(point.attributes['acpt.step']).toBeUndefined();
    }
    const span = telemetry.spans().find((entry) => entry.name === 'chat gpt-oss-120b');
    expect(span?.attributes['acpt.cost.usd']).toBe(usd(0));
    expect(span?.attributes['acpt.cost.source']).toBe('configuration');
  });

  it('adds nothing for mock answers, counts unpriced calls, and marks their spans', async () => {
    scenario = adapterScenario({ config: { model: 'qwen-3.8-27b' } });
    const { adapter, telemetry } = scenario;
    const warning = process.emitWarning;
    process.emitWarning = () => {};
    try {
      await adapter.generate('hello');
    } finally {
      process.emitWarning = warning;
    }
    adapter.configure({ mockMode: true });
    await adapter.generate('hello again');
    expect(await telemetry.sums('acpt.llm.cost')).toEqual([]);
    expect((await telemetry.sums('acpt.llm.cost.unpriced')).map((point) => point.value)).toEqual([1]);
    const chat = telemetry.spans().filter((span) => span.parentSpanContext === undefined);
    const bySource = Object.fromEntries(
      chat.map((span) => [span.attributes['acpt.cost.source'], span.attributes['acpt.cost.usd']]),
    );
    expect(Object.keys(bySource).sort()).toEqual(['mock', 'unpriced']);
    expect(bySource.mock).toBe(0);
    expect(bySource.unpriced).toBeUndefined();
  });

  it('counts spend-limit refusals and observes spend against the limits', async () => {
    scenario = adapterScenario({
      config: { pricing, maxCompletionTokens: 100, spend: { maxUsd: 0.3, maxUsdPerHour: 1 } },
    });
    const { adapter, telemetry } = scenario;
    let refused = 0;
    for (let index = 0; index < 12; index++) {
      const answer = await adapter.generate('a');
      if (answer.fallback?.reason === 'spend_limit') refused++;
    }
    expect(refused).toBeGreaterThan(0);
    const refusals = await telemetry.sums('acpt.llm.spend.refusals');
    expect(refusals).toEqual([
      { attributes: expect.objectContaining({ 'acpt.spend.limit': 'total' }), value: refused },
    ]);
    const limits = Object.fromEntries(
      (await telemetry.points('acpt.llm.spend.limit')).map((point) => [
        point.attributes['acpt.spend.window'],
        point.value,
      ]),
    );
    expect(limits).toEqual({ total: 0.3, hour: 1 });
    const spent = adapter.diagnostics().cost.spend.limiter?.spentUsd ?? 0;
    const used = Object.fromEntries(
      (await telemetry.points('acpt.llm.spend.used')).map((point) => [
        point.attributes['acpt.spend.window'],
        point.value,
      ]),
    );
    expect(used.total).toBeCloseTo(spent, 12);
    expect(used.hour).toBeCloseTo(spent, 12);
  });
});
