import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, openReport } from './headless-report.ts';
import { runDemoProcess } from './run-demo-process.ts';

// scripted-agents (mock), scripted-rules, fixed-heuristic, random, closed-form, oracle.
const POLICIES = 6;
const CHARTS = [
  'rate-cdf',
  'sinr-cdf',
  'mean-sum-rate',
  'noma-gain',
  'energy-efficiency',
  'sum-rate',
  'fairness',
  'handovers',
  ...Array.from({ length: POLICIES }, (_, index) => `sinr-bands-${index}`),
  ...Array.from({ length: POLICIES }, (_, index) => `ris-gain-map-${index}`),
];

describe('the HTML report in headless Chromium', () => {
  it('renders every figure with visible marks, titles and axis labels, no script and no external request', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ris-report-')), 'run');
    const run = await runDemoProcess(['--steps', '60', '--seed', '3', '--out', out, '--quiet']);
    expect(run, run.stderr).toMatchObject({ code: 0 });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);

    const report = await openReport(join(out, 'report.html'), 'report.png');
    expect(report.charts.map((chart) => chart.id)).toEqual(CHARTS);
    for (const chart of report.charts) {
      expect(chart.width, chart.id).toBeGreaterThan(200);
      expect(chart.height, chart.id).toBeGreaterThan(100);
      expect(chart.marks.length, chart.id).toBeGreaterThan(0);
      expect(Math.max(...chart.marks), `${chart.id} draws nothing visible`).toBeGreaterThan(10);
      expect(chart.hasTitle, chart.id).toBe(true);
    }
    expect(report.charts.find((chart) => chart.id === 'rate-cdf')?.label).toBe(
      'CDF of the user rate; x: user rate (Mbit/s); y: P(rate ≤ x)',
    );
    // Small multiples: at most 8 series per chart (SINR panels hold two bands and a median).
    const sinrPanel = report.charts.find((chart) => chart.id === 'sinr-bands-0');
    expect(sinrPanel?.marks).toHaveLength(3);
    expect(report.requests).toEqual([report.url]);
    expect(report.errors).toEqual([]);

    // Honest labels: mock mode says scripted rules decided and hides the synthetic latency chart; the dynamic power
    // model makes the consumed power vary, so the EE bars are drawn (they no longer repeat the sum-rate bars); time
    // axes are in seconds.
    expect(report.text).toContain('Mock mode: no language model decided anything in this run.');
    expect(report.text).toContain('none — mock rules');
    expect(report.text).toContain('scripted-agents (mock)');
    expect(report.text).toContain('The decision-latency chart is hidden in mock mode');
    expect(report.text).not.toContain('Energy efficiency is not plotted');
    expect(html).not.toContain('data-chart="llm-latency"');
    expect(html).toContain('data-chart="energy-efficiency"');
    expect(html).toContain('>time (s)</text>');
    expect(html).not.toContain('>step</text>');
    expect(existsSync(join(ARTIFACTS, 'report.png'))).toBe(true);
  }, 120_000);

  it('renders the grid report: every KPI against the swept parameter, one panel per other value, links to the points', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ris-grid-report-')), 'grid');
    const run = await runDemoProcess([
      '--grid',
      'risElements=16,64;vehicles=4,6',
      '--steps',
      '20',
      '--out',
      out,
      '--quiet',
    ]);
    expect(run, run.stderr).toMatchObject({ code: 0 });
    const html = readFileSync(join(out, 'grid-report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(existsSync(join(out, 'grid-report.html.partial'))).toBe(false);

    const report = await openReport(join(out, 'grid-report.html'), 'grid-report.png');
    const kpis = ['meanSumRateBps', 'meanJainFairness', 'energyEfficiencyBitPerJ', 'nomaGainPercent'];
    expect(report.charts.map((chart) => chart.id)).toEqual(kpis.flatMap((kpi) => [`grid-${kpi}-0`, `grid-${kpi}-1`]));
    for (const chart of report.charts) {
      expect(chart.marks, chart.id).toHaveLength(POLICIES);
      expect(Math.max(...chart.marks), `${chart.id} draws nothing visible`).toBeGreaterThan(10);
      expect(chart.hasTitle, chart.id).toBe(true);
      expect(chart.label, chart.id).toContain('x: risElements');
    }
    expect(report.text).toContain('Every point ran one seed (1)');
    expect(report.text).toContain('Mock mode: no language model decided anything');
    expect(html).toContain('href="risElements%3D64_vehicles%3D6/report.html"');
    expect(existsSync(join(out, 'risElements=64_vehicles=6', 'report.html'))).toBe(true);
    expect(report.requests).toEqual([report.url]);
    expect(report.errors).toEqual([]);
  }, 120_000);
});
