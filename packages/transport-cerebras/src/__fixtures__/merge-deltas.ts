import type { ChatStreamEvent } from '@acpt/config';

/**
 * Folds consecutive deltas of one kind (tool-call fragments: of one call index) into one event, the latest id and
 * name kept: what `coalesced` delivery may do to a `per-token` sequence. Two streams that differ only in how their
 * deltas were grouped fold to the same sequence.
 */
export function mergeDeltas(events: readonly ChatStreamEvent[]): ChatStreamEvent[] {
  const merged: ChatStreamEvent[] = [];
  for (const event of events) {
    const last = merged.at(-1);
    if (last?.type === 'text-delta' && event.type === 'text-delta') {
      merged[merged.length - 1] = { type: 'text-delta', text: last.text + event.text };
    } else if (last?.type === 'reasoning-delta' && event.type === 'reasoning-delta') {
      merged[merged.length - 1] = { type: 'reasoning-delta', text: last.text + event.text };
    } else if (last?.type === 'tool-call-delta' && event.type === 'tool-call-delta' && last.index === event.index) {
      merged[merged.length - 1] = { ...event, argumentsDelta: last.argumentsDelta + event.argumentsDelta };
    } else merged.push(event);
  }
  return merged;
}
