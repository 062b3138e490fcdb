import { inspect } from 'node:util';
import { expect } from 'vitest';
import { TEST_KEY } from './test-config.ts';

/** Asserts the test key occurs nowhere in `error`: message, stack, properties, causes, JSON. */
export function expectNoSecret(error: unknown): void {
  const rendered = inspect(error, { depth: 12, showHidden: true, breakLength: Number.POSITIVE_INFINITY });
  expect(rendered).not.toContain(TEST_KEY);
  let json = '';
  try {
    json = JSON.stringify(error) ?? '';
  } catch {
    json = '';
  }
  expect(json).not.toContain(TEST_KEY);
  expect(String(error)).not.toContain(TEST_KEY);
}

/** Runs `action` and returns what it rejected with (fails the test when it resolves). */
export async function rejectionOf(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
