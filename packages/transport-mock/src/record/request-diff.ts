/** One place where two JSON values differ. */
export interface ValueDifference {
  /** Path such as `messages[1].content` (empty for the root). */
  readonly path: string;
  /** The value in the first (recorded) value; `undefined` when absent. */
  readonly recorded: unknown;
  /** The value in the second (requested) value; `undefined` when absent. */
  readonly requested: unknown;
}

/** Every leaf where two JSON values differ, in a stable order. */
export function diffValues(recorded: unknown, requested: unknown, path = ''): ValueDifference[] {
  if (Object.is(recorded, requested)) return [];
  const bothArrays = Array.isArray(recorded) && Array.isArray(requested);
  const bothObjects = isRecord(recorded) && isRecord(requested);
  if (bothArrays) {
    const differences: ValueDifference[] = [];
    for (let index = 0; index < Math.max(recorded.length, requested.length); index += 1)
      differences.push(...diffValues(recorded[index], requested[index], `${path}[${index}]`));
    return differences;
  }
  if (bothObjects) {
    const names = [...new Set([...Object.keys(recorded), ...Object.keys(requested)])].sort();
    return names.flatMap((name) => diffValues(recorded[name], requested[name], path === '' ? name : `${path}.${name}`));
  }
  return [{ path, recorded, requested }];
}

/** A difference as one line: `temperature: 0.2 recorded, 0.3 requested`. */
export function describeDifference(difference: ValueDifference): string {
  return `${difference.path || '(request)'}: ${preview(difference.recorded)} recorded, ${preview(difference.requested)} requested`;
}

function preview(value: unknown): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
