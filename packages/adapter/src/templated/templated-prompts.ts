import type { ChatMessage, ResponseFormat } from '@acpt/config';

/** One item of a templated batch: a caller-chosen id and its input (text or a JSON value). */
export interface TemplatedItem {
  /** Unique within the batch; answers are matched by it. */
  readonly id: string;
  /** What this item asks about. */
  readonly input: string | number | boolean | null | readonly unknown[] | Readonly<Record<string, unknown>>;
}

/** The default schema of one answer: a string. */
export const DEFAULT_ANSWER_SCHEMA: Readonly<Record<string, unknown>> = { type: 'string' };

/** The packed request: the shared template as system message, every item as a JSON array. */
export function packedMessages(template: string, items: readonly TemplatedItem[]): ChatMessage[] {
  return [
    {
      role: 'system',
      content:
        `${template}\n\nYou receive several independent items as a JSON array of {"id","input"}. Answer each one on ` +
        'its own and reply only with JSON {"answers":[{"id":"<the item id>","answer":<its answer>}]}, one entry per item.',
    },
    { role: 'user', content: JSON.stringify(items.map((item) => ({ id: item.id, input: item.input }))) },
  ];
}

/** The JSON-schema response format of the packed request: one `{ id, answer }` per item, ids restricted to the batch. */
export function packedResponseFormat(
  items: readonly TemplatedItem[],
  answerSchema: Readonly<Record<string, unknown>>,
): ResponseFormat {
  return {
    type: 'json_schema',
    jsonSchema: {
      name: 'acpt_templated_answers',
      strict: true,
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['answers'],
        properties: {
          answers: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'answer'],
              properties: { id: { type: 'string', enum: items.map((item) => item.id) }, answer: answerSchema },
            },
          },
        },
      },
    },
  };
}

/** The request for one item alone (a re-ask, or what the caller would have sent without batching). */
export function singleMessages(template: string, item: TemplatedItem): ChatMessage[] {
  return [
    { role: 'system', content: `${template}\n\nReply only with JSON {"answer":<your answer>}.` },
    { role: 'user', content: typeof item.input === 'string' ? item.input : JSON.stringify(item.input) },
  ];
}

/** The JSON-schema response format of a single re-ask. */
export function singleResponseFormat(answerSchema: Readonly<Record<string, unknown>>): ResponseFormat {
  return {
    type: 'json_schema',
    jsonSchema: {
      name: 'acpt_templated_answer',
      strict: true,
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['answer'],
        properties: { answer: answerSchema },
      },
    },
  };
}

/** Reads `{"answers":[{id, answer}]}` into a map (first answer per id wins); anything malformed yields an empty map. */
export function parsePackedAnswers(text: string): Map<string, unknown> {
  const answers = new Map<string, unknown>();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return answers;
  }
  const list = (json as { answers?: unknown } | null)?.answers;
  if (!Array.isArray(list)) return answers;
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id } = entry as { id?: unknown };
    if (typeof id === 'string' && 'answer' in entry && !answers.has(id))
      answers.set(id, (entry as { answer: unknown }).answer);
  }
  return answers;
}

/** Reads `{"answer": …}`; `undefined` when malformed. */
export function parseSingleAnswer(text: string): { readonly answer: unknown } | undefined {
  try {
    const json = JSON.parse(text) as unknown;
    if (typeof json === 'object' && json !== null && 'answer' in json)
      return { answer: (json as { answer: unknown }).answer };
  } catch {
    // malformed: handled by the caller
  }
  return undefined;
}
