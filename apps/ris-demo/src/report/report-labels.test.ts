import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_WEIGHTS } from '../orchestrator/kpi-weights.ts';
import type { PolicyFigureData } from './figure-accumulator.ts';
import { energyEfficiencyFigure, latencyFigure, runLabels } from './report-labels.ts';
import type { RunDescription, RunSummary } from './run-summary.ts';

const run = (mode: RunDescription['mode']): RunDescription => ({
  seed: 1,
  steps: 10,
  mode,
  model: 'gpt-oss-120b',
  batching: 'micro',
  batchSize: 3,
  onLlmFailure: 'mock',
  latencyBudgetMs: 5000,
  weights: DEFAULT_KPI_WEIGHTS,
  coordinator: 'on',
});

const summary = {
  policies: {
    a: { label: 'a', kpis: { energyEfficiencyBitPerJ: 5e6 } },
    b: { label: 'b', kpis: { energyEfficiencyBitPerJ: 4e6 } },
  },
} as unknown as RunSummary;
const figures = (a: [number, number], b: [number, number]): Record<string, PolicyFigureData> => ({
  a: { powerW: { min: a[0], max: a[1] } } as PolicyFigureData,
  b: { powerW: { min: b[0], max: b[1] } } as PolicyFigureData,
});

describe('report labels', () => {
  it('says scripted rules decided in mock mode and names the model and clock otherwise', () => {
    expect(runLabels(run('mock')).join(' ')).toMatch(
      /no language model decided.*scripted rules.*virtual time.*estimates/s,
    );
    expect(runLabels(run('live')).join(' ')).toMatch(/model gpt-oss-120b.*wall-clock measurements/s);
    expect(runLabels(run('replay')).join(' ')).toMatch(/recorded cassette of model gpt-oss-120b.*virtual clock/s);
    expect(runLabels(run('live')).join(' ')).not.toContain('mock');
  });

  it('leaves out energy efficiency only while every policy drew one constant power', () => {
    const constant = energyEfficiencyFigure(summary, figures([37.28, 37.28], [37.28, 37.28]));
    expect(constant).toMatchObject({ shown: false, reason: expect.stringContaining('37.3 W') });
    expect(energyEfficiencyFigure(summary, figures([30, 31], [30, 31]))).toEqual({
      shown: true,
      data: [
        { label: 'a', value: 5e6 },
        { label: 'b', value: 4e6 },
      ],
    });
    // Constant within each policy but different between them: EE ranks differently from sum rate, so it is shown.
    expect(energyEfficiencyFigure(summary, figures([30, 30], [31, 31])).shown).toBe(true);
  });

  it('hides the latency chart in mock mode and converts steps to seconds otherwise', () => {
    expect(latencyFigure(run('mock'), [[0, 300]], 0.1)).toMatchObject({ shown: false });
    expect(
      latencyFigure(
        run('live'),
        [
          [0, 300],
          [5, 310],
        ],
        0.1,
      ),
    ).toEqual({
      shown: true,
      data: {
        points: [
          [0, 300],
          [0.5, 310],
        ],
        budgetMs: 5000,
        clock: 'wall clock',
      },
    });
    expect(latencyFigure(run('replay'), [], 0.1)).toMatchObject({
      data: { clock: 'recorded durations, virtual time' },
    });
  });
});
