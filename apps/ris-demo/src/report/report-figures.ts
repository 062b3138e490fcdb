import { renderBarChart } from './bar-chart.ts';
import { seriesColor } from './chart-palette.ts';
import { type ChartPoint, formatTick } from './chart-scale.ts';
import { escapeXml } from './escape-xml.ts';
import { renderLineChart } from './line-chart.ts';
import { sketchCdf } from './quantile-sketch.ts';
import type { OptionalFigure, ReportModel } from './report-model.ts';
import { renderRoadMapChart } from './road-map-chart.ts';
import { sharedGainDomainDb, sinrBandCharts } from './small-multiples.ts';

/** A group of figures under one heading. */
export interface FigureSection {
  readonly heading: string;
  /** `<figure>` elements, or `<p class="omitted">` where a figure was left out. */
  readonly figures: readonly string[];
}

/** A chart with its caption. */
export function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${escapeXml(caption)}</figcaption></figure>`;
}

/** Small multiples: several charts under one caption. */
export function multiples(svgs: readonly string[], caption: string): string {
  return `<figure class="multiples"><div class="charts">${svgs.join('\n')}</div><figcaption>${escapeXml(caption)}</figcaption></figure>`;
}

/** Builds every figure of the report from its model, grouped into sections. */
export function reportFigures(model: ReportModel): FigureSection[] {
  const lines = (pick: (policy: ReportModel['policies'][number]) => readonly ChartPoint[]) =>
    model.policies.map((policy, index) => ({ name: policy.policy, points: pick(policy), dashed: index > 0 }));
  const samples = model.policies[0]?.figures.rateBps.count ?? 0;
  const firstGrid = model.policies[0]?.figures.risGain;
  const cellM = firstGrid === undefined ? '' : formatTick(firstGrid.lengthM / firstGrid.segments);
  const interval = model.intervalLabel === null ? 'no interval: one seed' : `error bars: ${model.intervalLabel}`;
  return [
    {
      heading: 'Distributions over vehicles and time',
      figures: [
        figure(
          renderLineChart({
            id: 'rate-cdf',
            title: 'CDF of the user rate',
            xLabel: 'user rate (Mbit/s)',
            yLabel: 'P(rate ≤ x)',
            yDomain: [0, 1],
            stepped: true,
            series: lines((policy) => sketchCdf(policy.figures.rateBps).map(([v, p]): ChartPoint => [v / 1e6, p])),
            width: 560,
          }),
          `Empirical CDF of the achieved rate of every vehicle in every step (${samples} samples per policy, fast fading included).`,
        ),
        figure(
          renderLineChart({
            id: 'sinr-cdf',
            title: 'CDF of the user SINR',
            xLabel: 'post-detection SINR (dB)',
            yLabel: 'P(SINR ≤ x)',
            yDomain: [0, 1],
            stepped: true,
            series: lines((policy) => sketchCdf(policy.figures.sinrDb)),
            width: 560,
          }),
          'Empirical CDF of the SINR after NOMA/SIC or OMA of every vehicle in every step.',
        ),
      ],
    },
    {
      heading: 'Means per policy',
      figures: [
        figure(
          renderBarChart({
            id: 'mean-sum-rate',
            title: 'Mean sum rate',
            yLabel: 'sum rate (Mbit/s)',
            bars: model.meanSumRateBps.map((bar) => scaleBar(bar, 1e-6)),
            width: 560,
          }),
          `Mean over the steps of the sum of all vehicles' rates (${interval}).`,
        ),
        figure(
          renderBarChart({
            id: 'noma-gain',
            title: 'NOMA-over-OMA sum-rate gain',
            yLabel: 'gain (%)',
            bars: model.nomaGainPercent,
            formatValue: (value) => `${value >= 0 ? '+' : ''}${value.toFixed(1)} %`,
            width: 560,
          }),
          `Mean sum rate with the policy's NOMA pairs over the sum rate of equal-share TDMA (OMA) on the same channels, RIS profiles and handovers (${interval}).`,
        ),
        ...optional(model.energyEfficiency, (bars) =>
          figure(
            renderBarChart({
              id: 'energy-efficiency',
              title: 'Energy efficiency',
              yLabel: 'energy efficiency (Mbit/J)',
              bars: bars.map((bar) => scaleBar(bar, 1e-6)),
              width: 560,
            }),
            `Delivered bits over consumed energy (${interval}).`,
          ),
        ),
      ],
    },
    {
      heading: 'Over time',
      figures: [
        figure(
          renderLineChart({
            id: 'sum-rate',
            width: 1100,
            title: 'Sum rate over time',
            xLabel: 'time (s)',
            yLabel: 'sum rate (Mbit/s)',
            includeY: 0,
            series: lines((policy) => policy.sumRateBps.map(([t, v]): ChartPoint => [t, v / 1e6])),
          }),
          `Means over windows of ${model.windowS.toFixed(1)} s of simulated time.`,
        ),
        figure(
          renderLineChart({
            id: 'fairness',
            width: 1100,
            title: "Jain's fairness over time",
            xLabel: 'time (s)',
            yLabel: "Jain's index",
            yDomain: [0, 1],
            series: lines((policy) => policy.jainFairness),
          }),
          `Jain's index of the vehicles' rates, means over windows of ${model.windowS.toFixed(1)} s.`,
        ),
        figure(
          renderLineChart({
            id: 'handovers',
            width: 1100,
            title: 'Executed handovers (cumulative)',
            xLabel: 'time (s)',
            yLabel: 'handovers',
            stepped: true,
            includeY: 0,
            series: lines((policy) => policy.cumulativeHandovers),
          }),
          'Executed handovers (successful and failed) since the start.',
        ),
      ],
    },
    {
      heading: 'SINR across vehicles',
      figures: [
        multiples(
          sinrBandCharts(model),
          `One panel per policy, same axes: percentiles of the SINR over all vehicles and the steps of each ${model.policies[0]?.figures.bandWindowS.toFixed(1)} s window of simulated time.`,
        ),
      ],
    },
    {
      heading: 'Scenario geometry and RIS gain over the road',
      figures: [
        multiples(
          model.policies.map((policy, index) =>
            renderRoadMapChart({
              id: `ris-gain-map-${index}`,
              title: `RIS gain over the road: ${policy.policy}`,
              geometry: model.geometry,
              grid: policy.figures.risGain,
              colourDomainDb: sharedGainDomainDb(model),
              width: 1100,
            }),
          ),
          `Top view of the scenario (across-road axis stretched), one map per policy on one colour scale: the mean served-signal gain of the applied RIS profile against no RIS, over the vehicles that drove through each ${cellM} m lane cell; light grey cells saw no vehicle.`,
        ),
      ],
    },
    {
      heading: 'Decision latency',
      figures: optional(model.latency, (latency) =>
        figure(
          renderLineChart({
            id: 'llm-latency',
            title: `Decision latency against the budget (${latency.clock})`,
            xLabel: 'time (s)',
            yLabel: 'latency (ms)',
            includeY: 0,
            series: [{ name: 'decision latency', points: latency.points, color: seriesColor(0) }],
            referenceLines: [{ value: latency.budgetMs, label: `budget ${latency.budgetMs} ms` }],
          }),
          `Time from a step's first agent request to its last reply (${latency.clock}).`,
        ),
      ),
    },
  ];
}

function optional<TData>(entry: OptionalFigure<TData>, render: (data: TData) => string): string[] {
  return entry.shown ? [render(entry.data)] : [`<p class="omitted">${escapeXml(entry.reason)}</p>`];
}

function scaleBar<TBar extends { readonly value: number; readonly interval?: readonly [number, number] }>(
  bar: TBar,
  factor: number,
): TBar {
  return {
    ...bar,
    value: bar.value * factor,
    ...(bar.interval ? { interval: [bar.interval[0] * factor, bar.interval[1] * factor] as const } : {}),
  };
}
