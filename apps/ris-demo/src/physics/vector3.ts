/** A point or direction in metres (x along the road, y across it, z up). */
export interface Vector3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Euclidean distance between two points, m. */
export function distanceM(a: Vector3, b: Vector3): number {
  return Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
}

/** Horizontal (x, y) distance between two points, m. */
export function horizontalDistanceM(a: Vector3, b: Vector3): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
