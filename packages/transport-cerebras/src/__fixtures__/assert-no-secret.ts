import { inspect } from 'node:util';
import { expect } from 'vitest';
import { TEST_KEY } from './test-config.ts';

/** Asserts the test key (or each of `keys`) occurs nowhere in `error`: message, stack, properties, causes, JSON. */
export function expectNoSecret(error: unknown, keys: readonly string[] = [TEST_KEY]): void {
  const rendered = inspect(error, { depth: 12, showHidden: true, breakLength: Number.POSITIVE_INFINITY });
  let json = '';
  try {
    json = JSON.stringify(error) ?? '';
  } catch {
    json = '';
  }
  for (const key of keys) {
    expect(rendered).not.toContain(key);
    expect(json).not.toContain(key);
    expect(String(error)).not.toContain(key);
  }
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
