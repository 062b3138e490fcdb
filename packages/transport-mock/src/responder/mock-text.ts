import type { ChatRequest } from '@acpt/config';
import { type RandomSource, randomInteger, randomPick } from '../random/seeded-random.ts';

const words: readonly string[] = (
  'signal phase beam vehicle surface channel power user link gain noise decode order cluster element reflect steer ' +
  'stable strong weak near far lane cell budget rate slot frame adjust hold shift align the a with for and to'
).split(' ');

/** A capitalised sentence of 6 to 24 words from the mock's radio vocabulary, drawn from `random`. */
export function mockSentence(random: RandomSource): string {
  const count = randomInteger(random, 6, 24);
  const chosen: string[] = [];
  for (let position = 0; position < count; position += 1) chosen.push(randomPick(random, words));
  const text = chosen.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The start of the last user message (whitespace collapsed, at most 40 code units then `…`), or `''`. */
export function lastUserSnippet(request: ChatRequest): string {
  for (let position = request.messages.length - 1; position >= 0; position -= 1) {
    const message = request.messages[position];
    if (message?.role === 'user' && message.content !== null) {
      const flat = message.content.replace(/\s+/g, ' ').trim();
      return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
    }
  }
  return '';
}
