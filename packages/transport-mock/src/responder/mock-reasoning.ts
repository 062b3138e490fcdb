import type { ChatRequest } from '@acpt/config';
import { type RandomSource, randomInteger } from '../random/seeded-random.ts';
import type { ReasoningLevel } from '../reply/reasoning-mode.ts';
import { lastUserSnippet, mockSentence } from './mock-text.ts';

const sentenceCounts: Readonly<Record<ReasoningLevel, readonly [number, number]>> = {
  low: [1, 2],
  medium: [2, 4],
  high: [4, 8],
};

/**
 * The mock's reasoning text: it quotes the start of the last user message, thinks for 1–2 (`low`), 2–4 (`medium`) or 4–8
 * (`high`) sentences drawn from `random`, and ends with the tools it is about to call, if any.
 */
export function mockReasoning(
  request: ChatRequest,
  level: ReasoningLevel,
  toolNames: readonly string[],
  random: RandomSource,
): string {
  const [fewest, most] = sentenceCounts[level];
  const parts = [`The user wrote "${lastUserSnippet(request)}"`];
  const count = randomInteger(random, fewest, most);
  for (let position = 0; position < count; position += 1) parts.push(mockSentence(random));
  parts.push(toolNames.length > 0 ? `I will call ${toolNames.join(', ')}.` : 'Now the answer.');
  return parts.join(' ');
}
