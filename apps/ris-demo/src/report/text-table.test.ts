import { describe, expect, it } from 'vitest';
import { renderTextTable } from './text-table.ts';

describe('renderTextTable', () => {
  it('aligns labels left and numbers right under a rule', () => {
    const text = renderTextTable(
      ['policy', 'sum rate', 'Jain'],
      [
        { label: 'llm-agents', cells: ['120.5 Mbit/s', '0.91'] },
        { label: 'random', cells: ['80 Mbit/s', '0.7'] },
      ],
    );
    expect(text).toBe(
      [
        'policy          sum rate  Jain',
        '----------  ------------  ----',
        'llm-agents  120.5 Mbit/s  0.91',
        'random         80 Mbit/s   0.7',
      ].join('\n'),
    );
  });
});
