/** The oldest Node.js release the acpt packages run on (their `engines.node`; undici 8 sets it). */
export const NODE_FLOOR = '22.19.0';

function parts(version: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10));
  return [major, minor, patch];
}

/** True when `version` (as `process.versions.node` spells it, with or without a leading `v`) is at least the floor. */
export function meetsNodeFloor(version: string): boolean {
  const have = parts(version);
  const need = parts(NODE_FLOOR);
  for (let index = 0; index < 3; index++) {
    if ((have[index] ?? 0) !== (need[index] ?? 0)) return (have[index] ?? 0) > (need[index] ?? 0);
  }
  return true;
}

/**
 * Throws a one-line `Error` naming the required version when `version` is older than {@link NODE_FLOOR}. Every acpt
 * package runs it when it is imported, before anything that an older Node cannot load.
 */
export function assertNodeFloor(version: string = process.versions.node): void {
  if (meetsNodeFloor(version)) return;
  const error = new Error(
    `acpt needs Node.js ${NODE_FLOOR} or later; this is Node.js ${version.replace(/^v/, '')}. Install Node.js 22.19+ or 24 LTS.`,
  );
  error.name = 'UnsupportedNodeError';
  // One line on the console: no stack of acpt's internals for a setup problem.
  error.stack = `${error.name}: ${error.message}`;
  throw error;
}
