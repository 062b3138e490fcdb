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

  it('draws bands under the lines with swatch legend entries, on a fixed y range', () => {
    const svg = renderLineChart({
      id: 'bands',
      title: 'SINR',
      xLabel: 'time (s)',
      yLabel: 'SINR (dB)',
      yDomain: [0, 1],
      bands: [
        {
          name: '10th–90th',
          color: '#0072B2',
          points: [
            [0, 0.1, 0.9],
            [1, 0.2, 0.8],
            [2, Number.NaN, 0.5],
          ],
        },
      ],
      series: [
        {
          name: 'median',
          points: [
            [0, 0.5],
            [1, 0.5],
          ],
        },
      ],
    });
    const band = svg.match(/<path class="band"[^>]*d="([^"]+)"/)?.[1] ?? '';
    // Upper edge left to right, lower edge back; the non-finite point is skipped, the polygon closed.
    expect(band.match(/L/g)).toHaveLength(3);
    expect(band.endsWith('Z')).toBe(true);
    expect(svg.indexOf('class="band"')).toBeLessThan(svg.indexOf('class="series"'));
    expect(svg).toMatch(/<rect [^>]*fill-opacity="0.25"\/>\n?<text class="legend"[^>]*>10th–90th/);
    expect(svg).toContain('<title>SINR; x: time (s); y: SINR (dB)</title>');
    // y ticks of [0, 1] only: the band's data would not widen the fixed range.
    expect(svg).toContain('>1</text>');
    expect(svg).not.toContain('>1.2</text>');
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
    expect(svg).not.toContain('error-bar');
  });

  it('draws error bars for intervals, widens the axis to hold them and slants long labels', () => {
    const svg = renderBarChart({
      id: 'ci',
      title: 'mean sum rate',
      yLabel: 'sum rate (Mbit/s)',
      bars: [
        { label: 'scripted-agents (mock)', value: 100, interval: [90, 140] },
        { label: 'fixed-heuristic', value: -20, interval: [-30, -10] },
        { label: 'random', value: 50 },
      ],
      width: 300,
    });
    expect(svg.match(/<path class="error-bar"/g)).toHaveLength(2);
    // The axis reaches past the top whisker (140 × 1.15) and below the lowest one.
    expect(svg).toContain('>150</text>');
    expect(svg).toContain('>-20</text>');
    expect(svg).toMatch(/rotate\(-30\)" text-anchor="end">scripted-agents \(mock\)/);
    expect(svg).not.toContain('NaN');
  });
});
