import type { ChatRequest } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { harness } from '../__fixtures__/harness.ts';
import type { ScriptStep } from '../__fixtures__/scripted-transport.ts';
import { parsePackedAnswers } from './templated-prompts.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const items = [
  { id: 'car-1', input: { speedKmh: 40 } },
  { id: 'car-2', input: { speedKmh: 90 } },
  { id: 'car-3', input: { speedKmh: 120 } },
];

/** The packed call answers car-1 well, car-2 with a string (invalid), and omits car-3; re-asks answer properly. */
function responder(_: number, request: ChatRequest): ScriptStep {
  const format = request.responseFormat;
  const name = format?.type === 'json_schema' ? format.jsonSchema.name : '';
  if (name === 'acpt_templated_answers') {
    return {
      kind: 'ok',
      text: JSON.stringify({
        answers: [
          { id: 'car-1', answer: 1 },
          { id: 'car-2', answer: 'two' },
        ],
      }),
    };
  }
  const input = JSON.parse(String(request.messages.at(-1)?.content)) as { speedKmh: number };
  return { kind: 'ok', text: JSON.stringify({ answer: input.speedKmh / 40 }) };
}

describe('generateTemplated', () => {
  it('packs items into one call and re-asks only the missing or invalid ones', async () => {
    const { adapter, live, of } = harness({ live: responder });
    const result = await adapter.generateTemplated({
      template: 'Give the power level for the vehicle.',
      items,
      answerSchema: { type: 'number' },
      validate: (answer): answer is number => typeof answer === 'number',
    });
    expect(result.results).toEqual([
      { id: 'car-1', status: 'fulfilled', answer: 1, source: 'batch' },
      { id: 'car-2', status: 'fulfilled', answer: 2.25, source: 'individual' },
      { id: 'car-3', status: 'fulfilled', answer: 3, source: 'individual' },
    ]);
    expect(live?.calls).toHaveLength(3);
    const packed = live?.calls[0]?.request;
    expect(packed?.messages[0]?.content).toContain('Give the power level');
    expect(JSON.parse(String(packed?.messages[1]?.content))).toEqual(items);
    expect(packed?.responseFormat).toMatchObject({ type: 'json_schema', jsonSchema: { strict: true } });
    expect(result.stats).toMatchObject({ items: 3, requests: 3, reasked: 2, savedRequests: 0 });
    expect(of('batch-flush')).toMatchObject([
      { kind: 'templated', batchId: 't1', requestIds: ['req-1'], itemCount: 3 },
    ]);
    expect(of('attempt-start')[0]?.batchId).toBe('t1');
    expect(adapter.diagnostics().batching).toMatchObject({ templatedBatches: 1, savedRequests: 0 });
  });

  it('reports requests and tokens saved when every answer is valid', async () => {
    const text = JSON.stringify({ answers: items.map((item) => ({ id: item.id, answer: 'ok' })) });
    const { adapter, live } = harness({ live: [{ kind: 'ok', text }] });
    const template = 'A long shared instruction that every individual request would otherwise repeat. '.repeat(5);
    const result = await adapter.generateTemplated({ template, items });
    expect(result.results.every((entry) => entry.status === 'fulfilled' && entry.source === 'batch')).toBe(true);
    expect(live?.calls).toHaveLength(1);
    expect(result.stats.savedRequests).toBe(2);
    expect(result.stats.savedTokens).toBeGreaterThan(100);
  });

  it('re-asks every item when the packed reply is malformed, and rejects an item still invalid alone', async () => {
    const { adapter } = harness({
      live: (_, request) =>
        request.responseFormat?.type === 'json_schema' &&
        request.responseFormat.jsonSchema.name === 'acpt_templated_answers'
          ? { kind: 'ok', text: '{"answers": [ {"id": "car-1", ' }
          : { kind: 'ok', text: request.messages.at(-1)?.content?.includes('120') ? 'not json' : '{"answer":"fine"}' },
    });
    const result = await adapter.generateTemplated({ template: 'Classify.', items });
    expect(result.results.map((entry) => entry.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const rejected = result.results[2];
    expect(rejected?.status === 'rejected' && (rejected.error as Error).name).toBe('InvalidResponseError');
    expect(result.stats).toMatchObject({ requests: 4, reasked: 3, savedRequests: -1 });
  });

  it('refuses duplicate ids', async () => {
    const { adapter } = harness({ live: [{ kind: 'ok' }] });
    await expect(
      adapter.generateTemplated({
        template: 'x',
        items: [
          { id: 'a', input: 1 },
          { id: 'a', input: 2 },
        ],
      }),
    ).rejects.toThrow(/unique/);
  });
});

describe('parsePackedAnswers', () => {
  it('keeps the first answer per id and ignores malformed entries', () => {
    const answers = parsePackedAnswers(
      JSON.stringify({
        answers: [{ id: 'a', answer: 1 }, { id: 'a', answer: 2 }, { answer: 3 }, null, { id: 'b', answer: null }],
      }),
    );
    expect([...answers]).toEqual([
      ['a', 1],
      ['b', null],
    ]);
    expect(parsePackedAnswers('[1,2]').size).toBe(0);
  });
});
