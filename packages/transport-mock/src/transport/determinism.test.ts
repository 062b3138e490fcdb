import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ChatRequest } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMockTransport } from './create-mock-transport.ts';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../__fixtures__/determinism-run.ts', import.meta.url));

async function runProcess(env: Record<string, string>): Promise<string> {
  const { stdout } = await run(process.execPath, ['--conditions=@acpt/source', script], {
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

describe('determinism', () => {
  it('gives byte-identical replies to the same 1,000 requests in two processes', async () => {
    const [first, second] = await Promise.all([
      runProcess({ TZ: 'UTC', LANG: 'C' }),
      runProcess({ TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8' }),
    ]);
    const lines = first.trimEnd().split('\n');
    expect(lines).toHaveLength(3000);
    expect(lines.slice(2000).every((line) => line.startsWith('[200,"req_'))).toBe(true);
    expect(new Set(lines.slice(0, 2000)).size).toBeGreaterThan(1000);
    expect(second).toBe(first);
  });

  it('answers any request the same way from two fresh transports with the same seed', async () => {
    const message = fc.record({
      role: fc.constantFrom('system' as const, 'user' as const, 'assistant' as const),
      content: fc.string({ unit: 'grapheme', maxLength: 80 }),
    });
    const tool = fc.record({
      type: fc.constant('function' as const),
      function: fc.record({
        name: fc.constantFrom('set_phase', 'read_channel', 'hold'),
        parameters: fc.constant({ type: 'object', properties: { bits: { type: 'integer' } }, required: ['bits'] }),
      }),
    });
    const request = fc
      .record(
        {
          model: fc.constantFrom('gpt-oss-120b', 'qwen-3.8-27b'),
          messages: fc.array(message, { minLength: 1, maxLength: 4 }),
          temperature: fc.double({ min: 0, max: 1.5, noNaN: true }),
          maxCompletionTokens: fc.integer({ min: 0, max: 64 }),
          seed: fc.integer({ min: 0, max: 1000 }),
          tools: fc.uniqueArray(tool, { minLength: 1, maxLength: 3, selector: (each) => each.function.name }),
          toolChoice: fc.constantFrom('none' as const, 'auto' as const, 'required' as const),
          parallelToolCalls: fc.boolean(),
          reasoningEffort: fc.constantFrom('none' as const, 'low' as const, 'medium' as const, 'high' as const),
          reasoningFormat: fc.constantFrom('none' as const, 'parsed' as const, 'raw' as const, 'hidden' as const),
        },
        { requiredKeys: ['messages'] },
      )
      .map((chat) => (chat.tools === undefined ? { ...chat, toolChoice: undefined } : chat));
    await fc.assert(
      fc.asyncProperty(request, fc.integer(), async (chat: ChatRequest, seed) => {
        const first = await createMockTransport({ seed }).complete(chat);
        const second = await createMockTransport({ seed }).complete(JSON.parse(JSON.stringify(chat)));
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        if (chat.maxCompletionTokens !== undefined)
          expect(first.usage?.completionTokens).toBeLessThanOrEqual(chat.maxCompletionTokens);
      }),
      { numRuns: 200 },
    );
  });
});
