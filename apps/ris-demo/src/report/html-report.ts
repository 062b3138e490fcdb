import { renderBarChart } from './bar-chart.ts';
import { escapeXml } from './escape-xml.ts';
import { renderLineChart } from './line-chart.ts';
import type { ReportModel, TableRow } from './report-model.ts';
import { REPORT_CSS } from './report-style.ts';

/** Renders the self-contained HTML report: inline CSS and SVG charts, no scripts, no external resources. */
export function renderHtmlReport(model: ReportModel): string {
  const policyLines = (pick: (series: ReportModel['policies'][number]) => readonly (readonly [number, number])[]) =>
    model.policies.map((series, index) => ({ name: series.policy, points: pick(series), dashed: index > 0 }));
  const charts = [
    renderLineChart({
      id: 'sum-rate',
      title: 'Sum rate over time',
      xLabel: 'step',
      yLabel: 'bit/s',
      includeY: 0,
      series: policyLines((series) => series.sumRateBps),
    }),
    renderLineChart({
      id: 'fairness',
      title: "Jain's fairness over time",
      xLabel: 'step',
      yLabel: 'Jain index',
      series: policyLines((series) => series.jainFairness),
    }),
    renderLineChart({
      id: 'sinr',
      title: 'SINR per vehicle (LLM agents)',
      xLabel: 'step',
      yLabel: 'dB',
      series: model.sinrDb.map((vehicle) => ({ name: vehicle.vehicleId, points: vehicle.points })),
      height: 320,
    }),
    renderLineChart({
      id: 'handovers',
      title: 'Executed handovers (cumulative)',
      xLabel: 'step',
      yLabel: 'handovers',
      stepped: true,
      includeY: 0,
      series: policyLines((series) => series.cumulativeHandovers),
    }),
    renderLineChart({
      id: 'llm-latency',
      title: 'LLM decision latency against the budget',
      xLabel: 'step',
      yLabel: 'ms',
      includeY: 0,
      series: [{ name: 'decision latency', points: model.llmLatencyMs }],
      referenceLines: [{ value: model.latencyBudgetMs, label: `budget ${model.latencyBudgetMs} ms` }],
    }),
    renderBarChart({
      id: 'mean-sum-rate',
      title: 'Mean sum rate',
      yLabel: 'bit/s',
      bars: model.meanSumRateBps,
      width: 560,
    }),
    renderBarChart({
      id: 'energy-efficiency',
      title: 'Energy efficiency',
      yLabel: 'bit/J',
      bars: model.energyEfficiencyBitPerJ,
      width: 560,
    }),
  ];
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeXml(model.title)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<style>${REPORT_CSS}</style></head><body>`,
    `<h1>${escapeXml(model.title)}</h1>`,
    `<dl class="run">${model.runInfo.map(([key, value]) => `<dt>${escapeXml(key)}</dt><dd>${escapeXml(value)}</dd>`).join('')}</dl>`,
    '<h2>Policies on the same seed</h2>',
    table(model.comparison.columns, model.comparison.rows),
    '<h2>Agents</h2>',
    table(model.agents.columns, model.agents.rows),
    '<h2>Charts</h2>',
    `<div class="charts">${charts.join('\n')}</div>`,
    `<ul class="notes">${model.notes.map((note) => `<li>${escapeXml(note)}</li>`).join('')}</ul>`,
    '</body></html>',
    '',
  ].join('\n');
}

function table(columns: readonly string[], rows: readonly TableRow[]): string {
  const head = `<tr>${columns.map((column) => `<th>${escapeXml(column)}</th>`).join('')}</tr>`;
  const body = rows
    .map(
      (row) =>
        `<tr><th>${escapeXml(row.label)}</th>${row.cells.map((cell) => `<td class="num">${escapeXml(cell)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table>${head}${body}</table>`;
}
