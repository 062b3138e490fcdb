import { describe, expect, it } from 'vitest';
import { createProgressBar } from './progress-bar.ts';

function capture(isTTY: boolean): { chunks: string[]; stream: { isTTY: boolean; write(text: string): void } } {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (text: string) => void chunks.push(text) } };
}

describe('progress bar', () => {
  it('prints one line per 10 % when not a terminal, and the final line once', () => {
    const { chunks, stream } = capture(false);
    const bar = createProgressBar({ total: 100, label: 'llm', stream, width: 10 });
    for (let done = 0; done <= 100; done += 1) bar.update(done);
    bar.finish('done');
    expect(chunks).toHaveLength(11);
    expect(chunks[0]).toBe('llm [----------]   0% 0/100\n');
    expect(chunks[5]).toBe('llm [#####-----]  50% 50/100\n');
    expect(chunks[10]).toBe('llm [##########] 100% 100/100  done\n');
  });

  it('redraws in place on a terminal', () => {
    const { chunks, stream } = capture(true);
    const bar = createProgressBar({ total: 4, label: 'x', stream, width: 4 });
    bar.update(1, '3 steps/s');
    bar.update(1);
    bar.finish();
    expect(chunks).toHaveLength(2);
    expect(chunks[0]).toBe('\rx [#---]  25% 1/4  3 steps/s\u001b[K');
    expect(chunks[1]).toBe('\rx [####] 100% 4/4\u001b[K\n');
  });
});
