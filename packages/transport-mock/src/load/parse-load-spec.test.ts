import { AcptConfigError } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { parseLoadSpec } from './parse-load-spec.ts';

describe('parseLoadSpec', () => {
  it('reads slots and queue', () => {
    expect(parseLoadSpec('slots=16,queue=64')).toEqual({ slots: 16, queueLimit: 64 });
    expect(parseLoadSpec(' queue=0 , slots=1 ')).toEqual({ slots: 1, queueLimit: 0 });
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      parseLoadSpec('slots=0,queue=-1,depth=3');
    } catch (caught) {
      error = caught;
    }
    expect(AcptConfigError.isInstance(error)).toBe(true);
    expect((error as AcptConfigError).issues.map((issue) => issue.path)).toEqual(['slots', 'queue', 'depth']);
  });

  it.each(['', 'slots=4', 'slots=4,slots=5,queue=1', 'slots=1.5,queue=1', 'slots=abc,queue=1', 'slots=4=5,queue=1'])(
    'refuses %j',
    (spec) => {
      expect(() => parseLoadSpec(spec)).toThrow(AcptConfigError);
    },
  );
});
