/** Colour-blind-safe series colours (Okabe–Ito), used in order. */
export const CHART_PALETTE: readonly string[] = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#F0E442',
];

/** The colour of series number `index`, cycling through {@link CHART_PALETTE}. */
export function seriesColor(index: number): string {
  return CHART_PALETTE[index % CHART_PALETTE.length]!;
}
