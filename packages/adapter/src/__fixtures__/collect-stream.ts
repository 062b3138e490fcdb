import type { AdapterStreamEvent } from '../adapter-types.ts';

/** Every event of a stream, and the error it ended with, if any (never throws). */
export async function collectStream(
  iterable: AsyncIterable<AdapterStreamEvent>,
): Promise<{ events: AdapterStreamEvent[]; error?: unknown }> {
  const events: AdapterStreamEvent[] = [];
  try {
    for await (const event of iterable) events.push(event);
    return { events };
  } catch (error) {
    return { events, error };
  }
}
