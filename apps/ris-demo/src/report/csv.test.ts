import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.ts';

describe('CSV', () => {
  it('quotes only what needs it and writes numbers like the JSON outputs', () => {
    expect(csvLine(['scripted-agents (mock)', 1, 0.1234567, null, 'a,b', 'say "hi"', -0, Number.NaN])).toBe(
      'scripted-agents (mock),1,0.123457,,"a,b","say ""hi""",0,\n',
    );
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(true)).toBe('true');
  });
});
