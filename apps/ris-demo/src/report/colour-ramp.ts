/** Anchors of the viridis colour map (perceptually uniform, readable with colour-vision deficiencies and in grey). */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [0x44, 0x01, 0x54],
  [0x3b, 0x52, 0x8b],
  [0x21, 0x91, 0x8c],
  [0x5e, 0xc9, 0x62],
  [0xfd, 0xe7, 0x25],
];

/** The viridis colour of `t` in [0, 1] (clamped; NaN maps to 0) as `#rrggbb`, linear between the anchors. */
export function viridis(t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = clamped * (VIRIDIS.length - 1);
  const below = Math.min(VIRIDIS.length - 2, Math.floor(position));
  const fraction = position - below;
  const from = VIRIDIS[below]!;
  const to = VIRIDIS[below + 1]!;
  return `#${from
    .map((channel, index) => Math.round(channel + (to[index]! - channel) * fraction))
    .map((channel) => channel.toString(16).padStart(2, '0'))
    .join('')}`;
}
