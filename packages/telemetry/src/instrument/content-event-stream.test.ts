import { afterEach, describe, expect, it } from 'vitest';
import { type AdapterScenario, adapterScenario } from '../__fixtures__/adapter-scenario.ts';

let scenario: AdapterScenario | undefined;

afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

describe('captureContent: event, on a stream', () => {
  it('the event carries the stream flag and the time to the first chunk, as the chat span does', async () => {
    scenario = adapterScenario({
      instrumentation: { captureContent: 'event' },
    });
    let text = '';
    for await (const event of scenario.adapter.stream('Describe the channel')) {
      if (event.type === 'text-delta') text += event.text;
    }
    const span = scenario.telemetry.spans().find((candidate) => candidate.name.startsWith('chat '));
    const [record, ...others] = scenario.telemetry.logs();
    expect(others).toEqual([]);
    expect(record?.attributes['gen_ai.request.stream']).toBe(true);
    expect(record?.attributes['gen_ai.response.time_to_first_chunk']).toBeGreaterThan(0);
    expect(record?.attributes['gen_ai.response.time_to_first_chunk']).toBe(
      span?.attributes['gen_ai.response.time_to_first_chunk'],
    );
    expect(record?.attributes['gen_ai.output.messages']).toMatchObject([
      { role: 'assistant', parts: [{ type: 'text', content: text }] },
    ]);
  });
});
