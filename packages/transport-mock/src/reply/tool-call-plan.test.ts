import type { ChatMessage, ChatRequest, ToolChoice, ToolDefinition } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../random/seeded-random.ts';
import { MAX_PARALLEL_TOOL_CALLS, plannedTools } from './tool-call-plan.ts';

const tool = (name: string): ToolDefinition => ({ type: 'function', function: { name } });
const user: ChatMessage = { role: 'user', content: 'Steer the beam.' };
const toolResult: ChatMessage = { role: 'tool', content: '{"ok":true}', toolCallId: 'call_1' };
const names = (request: ChatRequest, seed = 'x'): string[] =>
  plannedTools(request, createSeededRandom(seed)).map((planned) => planned.function.name);

describe('plannedTools', () => {
  const tools = ['a', 'b', 'c', 'd'].map(tool);

  it('calls nothing without tools or with tool_choice none', () => {
    expect(names({ messages: [user] })).toEqual([]);
    expect(names({ messages: [user], tools: [], toolChoice: 'auto' })).toEqual([]);
    expect(names({ messages: [user], tools, toolChoice: 'none' })).toEqual([]);
  });

  it('calls a named function exactly once, also after a tool result', () => {
    const named: ToolChoice = { type: 'function', function: { name: 'c' } };
    expect(names({ messages: [user], tools, toolChoice: named })).toEqual(['c']);
    expect(names({ messages: [user, toolResult], tools, toolChoice: named })).toEqual(['c']);
  });

  it('auto answers a tool result in text; required calls again', () => {
    expect(names({ messages: [user, toolResult], tools })).toEqual([]);
    expect(names({ messages: [user, toolResult], tools, toolChoice: 'required' }).length).toBeGreaterThan(0);
  });

  it('makes 1 to min(tools, 3) distinct calls in declared order, one without parallel calls', () => {
    const counts = new Set<number>();
    for (let seed = 0; seed < 200; seed += 1) {
      const planned = names({ messages: [user], tools }, String(seed));
      counts.add(planned.length);
      expect(planned).toEqual([...new Set(planned)].sort());
      expect(names({ messages: [user], tools, parallelToolCalls: false }, String(seed))).toHaveLength(1);
    }
    expect(counts).toEqual(new Set([1, 2, MAX_PARALLEL_TOOL_CALLS]));
    expect(names({ messages: [user], tools: [tool('only')] })).toEqual(['only']);
  });

  it('yields a valid plan for any tool_choice, parallel flag and conversation (property)', () => {
    const choice = fc.constantFrom<ToolChoice | undefined>(undefined, 'none', 'auto', 'required', {
      type: 'function',
      function: { name: 't1' },
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        choice,
        fc.option(fc.boolean(), { nil: undefined }),
        fc.boolean(),
        fc.string(),
        (count, toolChoice, parallelToolCalls, afterTool, seed) => {
          const offered = Array.from({ length: count }, (_, index) => tool(`t${index}`));
          const request: ChatRequest = {
            messages: afterTool ? [user, toolResult] : [user],
            tools: offered,
            ...(toolChoice === undefined ? {} : { toolChoice }),
            ...(parallelToolCalls === undefined ? {} : { parallelToolCalls }),
          };
          const planned = names(request, seed);
          const expectCalls =
            toolChoice !== 'none' &&
            (typeof toolChoice === 'object' ? count > 1 : toolChoice === 'required' || !afterTool);
          expect(planned.length > 0).toBe(expectCalls);
          expect(planned.length).toBeLessThanOrEqual(
            parallelToolCalls === false || typeof toolChoice === 'object' ? 1 : MAX_PARALLEL_TOOL_CALLS,
          );
          expect(new Set(planned).size).toBe(planned.length);
          for (const name of planned) expect(offered.map((offer) => offer.function.name)).toContain(name);
        },
      ),
    );
  });
});
