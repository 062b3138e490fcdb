import { describe, expect, it } from 'vitest';
import { assertNodeFloor, meetsNodeFloor, NODE_FLOOR } from './node-floor.ts';

describe('the Node.js floor', () => {
  it('is the engines floor of the packages', async () => {
    const manifest = (await import('../../package.json', { with: { type: 'json' } })).default as {
      engines: { node: string };
    };
    expect(manifest.engines.node).toBe(`>=${NODE_FLOOR}`);
  });

  it.each([
    ['22.19.0', true],
    ['v22.19.0', true],
    ['22.19.1', true],
    ['22.20.0', true],
    ['24.0.0', true],
    ['100.0.0', true],
    ['22.18.9', false],
    ['22.9.0', false],
    ['20.20.2', false],
    ['v18.0.0', false],
  ])('%s meets it: %s', (version, expected) => {
    expect(meetsNodeFloor(version)).toBe(expected);
  });

  it('refuses an older Node.js with one line that names both versions, and passes the running one', () => {
    expect(() => assertNodeFloor()).not.toThrow();
    let thrown: unknown;
    try {
      assertNodeFloor('20.20.2');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const error = thrown as Error;
    expect(error.name).toBe('UnsupportedNodeError');
    expect(error.message).toBe(
      'acpt needs Node.js 22.19.0 or later; this is Node.js 20.20.2. Install Node.js 22.19+ or 24 LTS.',
    );
    expect(error.stack?.split('\n')).toHaveLength(1);
  });
});
