import { describe, expect, it } from 'vitest';
import { renderBarChart } from './bar-chart.ts';
import { renderLineChart } from './line-chart.ts';

describe('SVG charts', () => {
  it('draws one path per series, a legend entry each and the reference line', () => {
    const svg = renderLineChart({
      id: 'latency',
      title: 'LLM latency <ms>',
      xLabel: 'step',
      yLabel: 'ms',
      series: [
        {
          name: 'p50',
          points: [
            [0, 10],
            [1, 20],
            [2, 15],
          ],
        },
        {
          name: 'max & more',
          points: [
            [0, 30],
            [1, 40],
            [2, 35],
          ],
          dashed: true,
        },
      ],
      referenceLines: [{ value: 50, label: 'budget 50 ms' }],
    });
    expect(svg.match(/<path class="series"/g)).toHaveLength(2);
    expect(svg).toContain('data-chart="latency"');
    expect(svg).toContain('LLM latency &lt;ms&gt;');
    expect(svg).toContain('data-series="max &amp; more"');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('budget 50 ms');
    expect(svg).not.toContain('NaN');
  });

  it('draws stepped paths when asked and survives empty or non-finite series', () => {
    const svg = renderLineChart({
      id: 'handovers',
      title: 'handovers',
      xLabel: 'step',
      yLabel: 'count',
      stepped: true,
      series: [
        {
          name: 'a',
          points: [
            [0, 0],
            [1, 1],
            [2, Number.NaN],
          ],
        },
        { name: 'empty', points: [] },
      ],
    });
    expect(svg).toMatch(/d="M[\d.]+ [\d.]+H[\d.]+V[\d.]+/);
    expect(svg).not.toContain('NaN');
  });

  it('draws one bar per label with its value', () => {
    const svg = renderBarChart({
      id: 'sum-rate',
      title: 'mean sum rate',
      yLabel: 'bit/s',
      bars: [
        { label: 'llm', value: 2e8 },
        { label: 'random', value: 1e8 },
      ],
    });
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(svg).toContain('200M');
    expect(svg).toContain('data-bar="random"');
  });
});
