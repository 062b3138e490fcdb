import type { RandomSource } from '../random/seeded-random.ts';
import { randomInteger } from '../random/seeded-random.ts';

const letters = 'abcdefghijklmnopqrstuvwxyz';
const hex = '0123456789abcdef';

/**
 * A string for a string schema: a value of its `format` (`date-time`, `date`, `time`, `email`, `uri`, `uuid`) when
 * one is named, else lower-case letters, within `minLength`/`maxLength` (default 4 to 12 characters).
 */
export function stringForSchema(schema: Readonly<Record<string, unknown>>, random: RandomSource): string {
  const value = formattedString(schema.format, random);
  if (value !== undefined) return value;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  // A generous maxLength draws up to 256 characters, not millions.
  const maxLength = Math.min(
    typeof schema.maxLength === 'number' ? schema.maxLength : Math.max(minLength, 12),
    Math.max(minLength, 256),
  );
  const length = randomInteger(random, Math.max(minLength, Math.min(4, maxLength)), Math.max(minLength, maxLength));
  return draw(random, letters, length);
}

function formattedString(format: unknown, random: RandomSource): string | undefined {
  const two = (min: number, max: number): string => String(randomInteger(random, min, max)).padStart(2, '0');
  switch (format) {
    case 'date-time':
      return `2026-${two(1, 12)}-${two(1, 28)}T${two(0, 23)}:${two(0, 59)}:${two(0, 59)}Z`;
    case 'date':
      return `2026-${two(1, 12)}-${two(1, 28)}`;
    case 'time':
      return `${two(0, 23)}:${two(0, 59)}:${two(0, 59)}Z`;
    case 'email':
      return `${draw(random, letters, 6)}@example.com`;
    case 'uri':
      return `https://example.com/${draw(random, letters, 8)}`;
    case 'uuid': {
      const digits = draw(random, hex, 32);
      return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-4${digits.slice(13, 16)}-a${digits.slice(17, 20)}-${digits.slice(20)}`;
    }
    default:
      return undefined;
  }
}

function draw(random: RandomSource, alphabet: string, length: number): string {
  let text = '';
  for (let position = 0; position < length; position += 1) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}
