import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from './secret.ts';

describe('Secret', () => {
  const secret = new Secret('csk-do-not-print');

  it('reveals the value only through reveal()', () => {
    expect(secret.reveal()).toBe('csk-do-not-print');
  });

  it('prints [redacted] through String, templates, JSON and inspect', () => {
    expect(String(secret)).toBe('[redacted]');
    expect(`${secret}`).toBe('[redacted]');
    expect(`${secret as unknown as string}x`).toBe('[redacted]x');
    expect(JSON.stringify({ apiKey: secret })).toBe('{"apiKey":"[redacted]"}');
    expect(inspect(secret)).toBe('[redacted]');
    expect(inspect({ nested: { apiKey: secret } }, { depth: 10, showHidden: true })).not.toContain('csk-');
    expect(Object.keys(secret)).toEqual([]);
  });

  it('is recognised across duplicate installs by its Symbol.for marker, and never throws', () => {
    expect(Secret.isInstance(secret)).toBe(true);
    const fromOtherCopy = Object.create({ [Symbol.for('acpt.secret')]: true, reveal: () => 'x' });
    expect(Secret.isInstance(fromOtherCopy)).toBe(true);
    const lookAlike = { reveal: () => 'x', toString: () => '[redacted]' };
    expect(Secret.isInstance(lookAlike)).toBe(false);
    const bare = Object.assign(Object.create(null), { reveal: () => 'x' });
    expect(() => Secret.isInstance(bare)).not.toThrow();
    for (const value of [undefined, null, 'csk-x', 42, {}, []]) expect(Secret.isInstance(value)).toBe(false);
  });

  it('a Secret of a second copy of the module is recognised and reveals through its own copy', async () => {
    const secondCopy = new URL('./secret.ts?second-copy', import.meta.url).href;
    const copy = (await import(/* @vite-ignore */ secondCopy)) as typeof import('./secret.ts');
    expect(copy.Secret).not.toBe(Secret);
    const other = new copy.Secret('csk-other-copy');
    expect(other instanceof Secret).toBe(false);
    expect(Secret.isInstance(other)).toBe(true);
    expect(other.reveal()).toBe('csk-other-copy');
    expect(JSON.stringify({ other })).toBe('{"other":"[redacted]"}');
    expect(Object.getOwnPropertySymbols(other)).toEqual([]);
  });

  it('reveal() refuses an object that only borrowed the method', () => {
    const borrowed = Object.create(Secret.prototype) as Secret;
    expect(() => borrowed.reveal()).toThrow(TypeError);
  });
});
