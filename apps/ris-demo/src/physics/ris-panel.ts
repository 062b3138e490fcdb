/**
 * Geometry of a vertical uniform planar RIS and its per-element hop coefficients after Tang et al., IEEE Trans.
 * Wireless Commun. 20(1), 2021 (general free-space model, valid in the near field too). Each hop gets half of the
 * element constant: c_n(p) = √(d_x d_y / (4π)) √(F(θ)) / r e^{−j2π r/λ}, so the cascaded coefficient
 * v_n = c_n(tx) c_n(rx) has amplitude d_x d_y √(F_t F_r) / (4π r_t r_r); F(θ) = max(cos θ, 0) (no back lobe).
 */
import type { Vector3 } from './vector3.ts';

/** Element positions and orientation of a panel. */
export interface RisPanel {
  /** Number of elements N = rows × columns. */
  readonly elementCount: number;
  /** Element x, y, z coordinates (row-major: row 0 is the top row), m. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  /** Unit outward normal (horizontal). */
  readonly normal: Vector3;
  /** Element size d_x = d_y, m. */
  readonly elementSizeM: number;
  /** Carrier wavelength λ, m. */
  readonly wavelengthM: number;
}

/** Options of `createRisPanel`. */
export interface RisPanelOptions {
  readonly centre: Vector3;
  readonly normalAzimuthRad: number;
  readonly rows: number;
  readonly columns: number;
  readonly elementSpacingM: number;
  readonly wavelengthM: number;
}

/** Lays out a rows × columns panel centred on `centre`, in the vertical plane orthogonal to the normal. */
export function createRisPanel(options: RisPanelOptions): RisPanel {
  const count = options.rows * options.columns;
  const normal = { x: Math.cos(options.normalAzimuthRad), y: Math.sin(options.normalAzimuthRad), z: 0 };
  const across = { x: -normal.y, y: normal.x };
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const z = new Float64Array(count);
  for (let row = 0; row < options.rows; row += 1) {
    const up = ((options.rows - 1) / 2 - row) * options.elementSpacingM;
    for (let column = 0; column < options.columns; column += 1) {
      const side = (column - (options.columns - 1) / 2) * options.elementSpacingM;
      const n = row * options.columns + column;
      x[n] = options.centre.x + side * across.x;
      y[n] = options.centre.y + side * across.y;
      z[n] = options.centre.z + up;
    }
  }
  return {
    elementCount: count,
    x,
    y,
    z,
    normal,
    elementSizeM: options.elementSpacingM,
    wavelengthM: options.wavelengthM,
  };
}

/**
 * Writes the hop coefficients c_n(p) between every element and the point `p` into `re`/`im` (length N), with the
 * deterministic LoS phase −2π r_n/λ; optionally their magnitudes |c_n| into `magnitude`.
 */
export function risHopCoefficients(
  panel: RisPanel,
  point: Vector3,
  re: Float64Array,
  im: Float64Array,
  magnitude?: Float64Array,
): void {
  const constant = Math.sqrt((panel.elementSizeM * panel.elementSizeM) / (4 * Math.PI));
  const waveNumber = (2 * Math.PI) / panel.wavelengthM;
  const { normal } = panel;
  for (let n = 0; n < panel.elementCount; n += 1) {
    const dx = point.x - panel.x[n]!;
    const dy = point.y - panel.y[n]!;
    const dz = point.z - panel.z[n]!;
    const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
    const cosine = (dx * normal.x + dy * normal.y) / r;
    if (!(cosine > 0)) {
      re[n] = 0;
      im[n] = 0;
      if (magnitude !== undefined) magnitude[n] = 0;
      continue;
    }
    const amplitude = (constant * Math.sqrt(cosine)) / r;
    const phase = -waveNumber * r;
    re[n] = amplitude * Math.cos(phase);
    im[n] = amplitude * Math.sin(phase);
    if (magnitude !== undefined) magnitude[n] = amplitude;
  }
}

/** Distance from the panel centre to a point, m. */
export function distanceToPanelM(panel: RisPanel, point: Vector3): number {
  const n = panel.elementCount;
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (let i = 0; i < n; i += 1) {
    cx += panel.x[i]!;
    cy += panel.y[i]!;
    cz += panel.z[i]!;
  }
  return Math.hypot(point.x - cx / n, point.y - cy / n, point.z - cz / n);
}
