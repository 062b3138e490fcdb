import { type ChartMargin, frame } from './chart-frame.ts';
import { formatTick, linearScale, niceTicks } from './chart-scale.ts';
import { viridis } from './colour-ramp.ts';
import { escapeXml, svgNumber } from './escape-xml.ts';
import { meanRisGainDb, type RisGainGrid } from './ris-gain-grid.ts';

/** What the map draws of the scenario: the road, the RSUs and the RIS panel (metres, x along the road). */
export interface RoadGeometry {
  readonly lengthM: number;
  readonly laneCount: number;
  readonly laneWidthM: number;
  readonly rsus: readonly { readonly id: string; readonly x: number; readonly y: number }[];
  readonly ris: { readonly x: number; readonly y: number; readonly normalAzimuthRad: number };
}

/** What {@link renderRoadMapChart} draws. */
export interface RoadMapChartOptions {
  /** Chart id (`data-chart` attribute). */
  readonly id: string;
  readonly title: string;
  readonly geometry: RoadGeometry;
  /** Mean RIS gain per road cell; its shape must match the geometry's lanes. */
  readonly grid: RisGainGrid;
  /** Gain range of the colour scale, dB (share it between maps that are compared). */
  readonly colourDomainDb: readonly [number, number];
  /** @defaultValue 960 */
  readonly width?: number;
}

const MARGIN: ChartMargin = { top: 30, right: 150, bottom: 38, left: 58 };
/** Minimum height of a lane on screen, px: the across-road axis is stretched to reach it. */
const MIN_LANE_PX = 16;

/**
 * Renders a top view of the scenario: lanes coloured by the mean served-signal RIS gain of the vehicles that drove
 * through each cell (viridis; light grey where none did), RSUs as triangles, the RIS as a square with an arrow along
 * its normal, and a colour bar. The across-road axis is stretched (stated in its label) so lanes stay visible.
 */
export function renderRoadMapChart(options: RoadMapChartOptions): string {
  const { geometry, grid } = options;
  const width = options.width ?? 960;
  const roadWidthM = geometry.laneCount * geometry.laneWidthM;
  const ys = [0, roadWidthM, geometry.ris.y, ...geometry.rsus.map((rsu) => rsu.y)];
  const yLow = Math.min(...ys) - 4;
  const yHigh = Math.max(...ys) + 4;
  const metresPerPxX = geometry.lengthM / (width - MARGIN.left - MARGIN.right);
  const pxPerMetreY = Math.max(1 / metresPerPxX, MIN_LANE_PX / geometry.laneWidthM);
  const stretch = pxPerMetreY * metresPerPxX;
  const plotHeight = Math.round((yHigh - yLow) * pxPerMetreY);
  const height = MARGIN.top + plotHeight + MARGIN.bottom;
  const x = linearScale([0, geometry.lengthM], [MARGIN.left, width - MARGIN.right]);
  const y = linearScale([yLow, yHigh], [MARGIN.top + plotHeight, MARGIN.top]);
  const [low, high] = options.colourDomainDb;
  const colour = (gainDb: number): string => viridis(high > low ? (gainDb - low) / (high - low) : 0.5);
  const parts: string[] = [];
  for (const tick of niceTicks(0, geometry.lengthM, 8)) {
    parts.push(
      `<text class="tick" x="${svgNumber(x(tick))}" y="${height - MARGIN.bottom + 16}" text-anchor="middle">${formatTick(tick)}</text>`,
    );
  }
  for (const tick of niceTicks(yLow, yHigh, 3)) {
    parts.push(
      `<text class="tick" x="${MARGIN.left - 6}" y="${svgNumber(y(tick) + 4)}" text-anchor="end">${formatTick(tick)}</text>`,
    );
  }
  parts.push(
    `<rect class="road" x="${svgNumber(x(0))}" y="${svgNumber(y(roadWidthM))}" width="${svgNumber(x(geometry.lengthM) - x(0))}" height="${svgNumber(y(0) - y(roadWidthM))}"/>`,
  );
  const segmentM = grid.lengthM / grid.segments;
  for (let lane = 0; lane < grid.lanes; lane += 1) {
    for (let segment = 0; segment < grid.segments; segment += 1) {
      const mean = meanRisGainDb(grid, lane, segment);
      const count = grid.count[lane * grid.segments + segment]!;
      const from = segment * segmentM;
      const label = `x ${formatTick(from)}–${formatTick(from + segmentM)} m, lane ${lane + 1}: ${mean === null ? 'no vehicle' : `${mean.toFixed(1)} dB mean of ${count}`}`;
      parts.push(
        `<rect class="${mean === null ? 'cell-empty' : 'cell'}" x="${svgNumber(x(from))}" y="${svgNumber(y((lane + 1) * grid.laneWidthM))}" width="${svgNumber(x(from + segmentM) - x(from))}" height="${svgNumber(y(lane * grid.laneWidthM) - y((lane + 1) * grid.laneWidthM))}" fill="${mean === null ? '#f2f2f2' : colour(mean)}"><title>${escapeXml(label)}</title></rect>`,
      );
    }
  }
  for (let lane = 1; lane < geometry.laneCount; lane += 1) {
    const level = svgNumber(y(lane * geometry.laneWidthM));
    parts.push(
      `<line class="lane" x1="${svgNumber(x(0))}" x2="${svgNumber(x(geometry.lengthM))}" y1="${level}" y2="${level}"/>`,
    );
  }
  for (const rsu of geometry.rsus) {
    const cx = x(rsu.x);
    const cy = y(rsu.y);
    parts.push(
      `<path class="rsu" d="M${svgNumber(cx)} ${svgNumber(cy - 7)}L${svgNumber(cx + 6)} ${svgNumber(cy + 5)}L${svgNumber(cx - 6)} ${svgNumber(cy + 5)}Z"><title>${escapeXml(`${rsu.id} at x ${rsu.x} m, y ${rsu.y} m`)}</title></path>`,
      `<text class="marker-label" x="${svgNumber(cx + 9)}" y="${svgNumber(cy + 4)}">${escapeXml(rsu.id)}</text>`,
    );
  }
  parts.push(...risMarker(geometry.ris, x(geometry.ris.x), y(geometry.ris.y), stretch));
  parts.push(...colourBar(low, high, width, plotHeight, colour));
  return frame(
    {
      id: options.id,
      title: options.title,
      xLabel: 'x along the road (m)',
      yLabel: stretch > 1.05 ? `y (m, ×${stretch.toFixed(1)})` : 'y (m)',
      width,
      height,
      margin: MARGIN,
    },
    parts,
  );
}

function risMarker(ris: RoadGeometry['ris'], cx: number, cy: number, stretch: number): string[] {
  // The normal's direction on screen: y is flipped and stretched.
  const dx = Math.cos(ris.normalAzimuthRad);
  const dy = -Math.sin(ris.normalAzimuthRad) * stretch;
  const norm = Math.hypot(dx, dy) || 1;
  const tipX = cx + (dx / norm) * 26;
  const tipY = cy + (dy / norm) * 26;
  return [
    `<rect class="ris" x="${svgNumber(cx - 5)}" y="${svgNumber(cy - 5)}" width="10" height="10"><title>${escapeXml(`RIS at x ${ris.x} m, y ${ris.y} m`)}</title></rect>`,
    `<line class="ris-normal" x1="${svgNumber(cx)}" y1="${svgNumber(cy)}" x2="${svgNumber(tipX)}" y2="${svgNumber(tipY)}"/>`,
    `<circle class="ris-normal-tip" cx="${svgNumber(tipX)}" cy="${svgNumber(tipY)}" r="2.5"/>`,
    `<text class="marker-label" x="${svgNumber(cx + 9)}" y="${svgNumber(cy - 6)}">RIS</text>`,
  ];
}

function colourBar(
  low: number,
  high: number,
  width: number,
  plotHeight: number,
  colour: (gainDb: number) => string,
): string[] {
  const left = width - MARGIN.right + 14;
  const steps = 24;
  const scale = linearScale([low, high], [MARGIN.top + plotHeight, MARGIN.top]);
  const parts = [`<text class="legend" x="${left}" y="${MARGIN.top - 8}">RIS gain (dB)</text>`];
  for (let index = 0; index < steps; index += 1) {
    const from = scale.domain[0] + ((scale.domain[1] - scale.domain[0]) * index) / steps;
    const to = scale.domain[0] + ((scale.domain[1] - scale.domain[0]) * (index + 1)) / steps;
    parts.push(
      `<rect class="colour-step" x="${left}" y="${svgNumber(scale(to))}" width="12" height="${svgNumber(scale(from) - scale(to) + 0.5)}" fill="${colour((from + to) / 2)}"/>`,
    );
  }
  for (const tick of niceTicks(...scale.domain, 4)) {
    parts.push(`<text class="tick" x="${left + 16}" y="${svgNumber(scale(tick) + 4)}">${formatTick(tick)}</text>`);
  }
  parts.push(
    `<path class="rsu" d="M${left + 60} ${MARGIN.top + 3}L${left + 66} ${MARGIN.top + 15}L${left + 54} ${MARGIN.top + 15}Z"/>`,
    `<text class="legend" x="${left + 70}" y="${MARGIN.top + 14}">RSU</text>`,
    `<rect class="ris" x="${left + 55}" y="${MARGIN.top + 24}" width="10" height="10"/>`,
    `<text class="legend" x="${left + 70}" y="${MARGIN.top + 33}">RIS, normal</text>`,
    `<rect x="${left + 55}" y="${MARGIN.top + 43}" width="10" height="10" fill="#f2f2f2" stroke="#999"/>`,
    `<text class="legend" x="${left + 70}" y="${MARGIN.top + 52}">no vehicle</text>`,
  );
  return parts;
}
