import { seriesColor } from './chart-palette.ts';
import type { ChartPoint } from './chart-scale.ts';
import { escapeXml } from './escape-xml.ts';
import { htmlPage, htmlSections } from './html-page.ts';
import { renderLineChart } from './line-chart.ts';
import type { SeedStatistic } from './multi-seed-report.ts';
import { type FigureSection, multiples } from './report-figures.ts';
import { decisionLabels } from './report-labels.ts';

/** A swept parameter's value. */
export type GridValue = number | boolean | string | null;

/** The KPIs a grid report draws against the swept parameters. */
export type GridKpi = 'meanSumRateBps' | 'meanJainFairness' | 'energyEfficiencyBitPerJ' | 'nomaGainPercent';

/** One policy at one grid point: a single value per KPI (one seed) or a mean with its 95 % interval (seeds). */
export interface GridPolicyValues {
  readonly label: string;
  /** KPIs this point has (a multi-seed grid has no OMA rate, hence no NOMA gain). */
  readonly kpis: Readonly<Partial<Record<GridKpi, number | SeedStatistic>>>;
}

/** What the grid report reads: the axes and, per point, the swept values and every policy's KPIs. */
export interface GridReportInput {
  readonly axes: readonly { readonly name: string; readonly values: readonly GridValue[] }[];
  readonly seeds: readonly number[];
  readonly steps: number;
  readonly decisions: { readonly clock: 'virtual' | 'wall' | 'recorded'; readonly model: string } | null;
  readonly points: readonly {
    readonly parameters: Readonly<Record<string, GridValue>>;
    readonly policies: Readonly<Record<string, GridPolicyValues>>;
    /** The point's output folder relative to the grid report (its own `report.html` is linked); none when absent. */
    readonly outDir?: string;
  }[];
}

const KPI_VIEW: Readonly<Record<GridKpi, { readonly title: string; readonly unit: string; readonly scale: number }>> = {
  meanSumRateBps: { title: 'Mean sum rate', unit: 'sum rate (Mbit/s)', scale: 1e-6 },
  meanJainFairness: { title: "Mean Jain's fairness", unit: "Jain's index", scale: 1 },
  energyEfficiencyBitPerJ: { title: 'Energy efficiency', unit: 'energy efficiency (Mbit/J)', scale: 1e-6 },
  nomaGainPercent: { title: 'NOMA-over-OMA sum-rate gain', unit: 'gain (%)', scale: 1 },
};

/**
 * Renders the grid report: each KPI against the first swept parameter (its values evenly spaced, in the order
 * given), one line per policy with dots at the grid points and, when several seeds ran, 95 % interval error bars; one
 * panel per combination of the other parameters.
 */
export function renderGridReport(input: GridReportInput): string {
  const [axis, ...others] = input.axes;
  const seeds = input.seeds.length;
  const labels = [
    ...(input.decisions === null ? [] : decisionLabels(input.decisions)),
    seeds > 1
      ? `Every point ran ${seeds} seeds with the same channels for every policy; error bars are 95 % t-intervals of the mean over seeds.`
      : `Every point ran one seed (${input.seeds[0] ?? 'none'}): the points differ only by the swept parameters, and no interval is drawn.`,
  ];
  const sections: FigureSection[] =
    axis === undefined
      ? []
      : (Object.keys(KPI_VIEW) as GridKpi[])
          .filter((kpi) =>
            input.points.some((point) =>
              Object.values(point.policies).some((policy) => policy.kpis[kpi] !== undefined),
            ),
          )
          .map((kpi) => ({
            heading: `${KPI_VIEW[kpi].title} against ${axis.name}`,
            figures: [
              multiples(
                panels(input, axis, others).map((panel, index) => kpiChart(kpi, axis, panel, `grid-${kpi}-${index}`)),
                `${KPI_VIEW[kpi].title} per policy at each value of ${axis.name} (evenly spaced, in grid order)${others.length > 0 ? `; one panel per ${others.map((other) => other.name).join(' × ')}` : ''}.`,
              ),
            ],
          }));
  return htmlPage({
    title: `Grid: ${input.axes.map((entry) => `${entry.name} ∈ {${entry.values.join(', ')}}`).join(' × ')}, ${input.steps} steps`,
    labels,
    body: ['<h2>KPIs against the swept parameters</h2>', ...htmlSections(sections), pointIndex(input)],
  });
}

/** A list of the points with links to their own reports (relative links: nothing is fetched until clicked). */
function pointIndex(input: GridReportInput): string {
  const items = input.points.map((point) => {
    const text = escapeXml(
      Object.entries(point.parameters)
        .map(([name, value]) => `${name} = ${String(value)}`)
        .join(', '),
    );
    return point.outDir === undefined
      ? `<li>${text}</li>`
      : `<li><a href="${escapeXml(`${encodeURIComponent(point.outDir)}/report.html`)}">${text}</a></li>`;
  });
  return `<h2>Points</h2><ul class="points">${items.join('')}</ul>`;
}

interface Panel {
  readonly title: string;
  readonly points: GridReportInput['points'];
}

/** The points grouped by the values of every axis but the first (one group when there is only one axis). */
function panels(
  input: GridReportInput,
  axis: GridReportInput['axes'][number],
  others: GridReportInput['axes'],
): Panel[] {
  const groups = new Map<string, { title: string; points: GridReportInput['points'][number][] }>();
  for (const point of input.points) {
    const key = others.map((other) => `${other.name} = ${String(point.parameters[other.name])}`).join(', ');
    const group = groups.get(key) ?? { title: key, points: [] };
    group.points.push(point);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({
    title: group.title,
    points: [...group.points].sort(
      (left, right) =>
        axis.values.indexOf(left.parameters[axis.name]!) - axis.values.indexOf(right.parameters[axis.name]!),
    ),
  }));
}

function kpiChart(kpi: GridKpi, axis: GridReportInput['axes'][number], panel: Panel, id: string): string {
  const view = KPI_VIEW[kpi];
  const names = Object.keys(panel.points[0]?.policies ?? {});
  const at = (point: GridReportInput['points'][number]): number => axis.values.indexOf(point.parameters[axis.name]!);
  const series = names.map((name, index) => {
    // Dodge the policies sideways a little so their error bars do not overlap.
    const dodge = (index - (names.length - 1) / 2) * 0.03;
    const values = panel.points.map((point) => ({ x: at(point) + dodge, value: point.policies[name]?.kpis[kpi] }));
    const mean = (value: number | SeedStatistic | undefined): number =>
      value === undefined ? Number.NaN : (typeof value === 'number' ? value : value.mean) * view.scale;
    return {
      name: panel.points[0]?.policies[name]?.label ?? name,
      color: seriesColor(index),
      line: values.map(({ x, value }): ChartPoint => [x, mean(value)]),
      intervals: values.flatMap(({ x, value }) =>
        typeof value === 'object' && value.ci95 !== null
          ? [[x, value.ci95[0] * view.scale, value.ci95[1] * view.scale] as const]
          : [],
      ),
    };
  });
  return renderLineChart({
    id,
    title: panel.title === '' ? view.title : `${view.title}: ${panel.title}`,
    xLabel: axis.name,
    yLabel: view.unit,
    width: 560,
    height: 260,
    xTicks: axis.values.map((value, index) => ({ value: index, label: String(value) })),
    series: series.map((entry, index) => ({
      name: entry.name,
      points: entry.line,
      color: entry.color,
      dashed: index > 0,
      markers: true,
      intervals: entry.intervals,
    })),
  });
}
