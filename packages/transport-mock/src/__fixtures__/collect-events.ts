import type { ChatStreamEvent } from '@acpt/config';

/** Every event of a stream, in order. */
export async function collectEvents(events: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const all: ChatStreamEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}
