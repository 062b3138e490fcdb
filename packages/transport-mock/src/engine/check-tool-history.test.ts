import type { ChatMessage, ChatRequest, ToolCall } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSameErrorBothPaths } from '../__fixtures__/same-error-both-paths.ts';
import { checkToolHistory } from './check-tool-history.ts';

const call = (id: string): ToolCall => ({ id, type: 'function', function: { name: 'noop', arguments: '{}' } });
const user: ChatMessage = { role: 'user', content: 'Pick bits.' };
const calls = (...ids: string[]): ChatMessage => ({ role: 'assistant', content: null, toolCalls: ids.map(call) });
const result = (id: string): ChatMessage => ({ role: 'tool', content: 'ok', toolCallId: id });
const request = (...messages: ChatMessage[]): ChatRequest => ({ model: 'gpt-oss-120b', messages });

function messageOf(messages: ChatMessage[]): string | undefined {
  const response = checkToolHistory(request(...messages));
  if (response === undefined) return undefined;
  expect(response.status).toBe(400);
  const body = JSON.parse(response.body) as { type: string; param: string; message: string };
  expect(body).toMatchObject({ type: 'invalid_request_error', param: 'messages' });
  return body.message;
}

describe('checkToolHistory (version 2 validation of tool calls and results)', () => {
  it('accepts conversations whose calls are all answered right after, in any order', () => {
    expect(messageOf([user])).toBeUndefined();
    expect(messageOf([user, calls('a', 'b'), result('b'), result('a')])).toBeUndefined();
    expect(messageOf([user, calls('a'), result('a'), { role: 'assistant', content: 'ok' }, user])).toBeUndefined();
    expect(messageOf([user, calls('a'), result('a'), calls('b'), result('b')])).toBeUndefined();
  });

  it('rejects an unanswered call, an orphan or twice-answered result, and a reused id, naming the message', () => {
    expect(messageOf([user, calls('a', 'b'), result('a')])).toMatch(/messages\[1\].*unanswered: 'b'/);
    expect(messageOf([user, calls('a'), user, result('a')])).toMatch(/messages\[1\].*unanswered: 'a'/);
    expect(messageOf([user, result('a')])).toMatch(/messages\[1\]: a 'tool' message must answer/);
    expect(messageOf([user, calls('a'), result('a'), result('a')])).toMatch(/messages\[3\].*answered twice/);
    expect(messageOf([user, calls('a'), result('a'), calls('a'), result('a')])).toMatch(/'a' is used more than once/);
    expect(messageOf([user, calls('a'), result('x')])).toMatch(/no call has the id 'x'/);
  });

  it('a conversation built by answering every call right away is always valid (property)', () => {
    const turn = fc.uniqueArray(fc.stringMatching(/^call_[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 4 }), (turns) => {
        const ids = turns.flat();
        fc.pre(new Set(ids).size === ids.length);
        const messages: ChatMessage[] = [user];
        for (const ids of turns) messages.push(calls(...ids), ...[...ids].reverse().map(result));
        expect(checkToolHistory(request(...messages))).toBeUndefined();
        if (turns.length > 0) expect(checkToolHistory(request(...messages.slice(0, -1)))).toBeDefined();
      }),
    );
  });

  it('the in-process mock and the server answer an invalid history with the same 400', async () => {
    const body = await expectSameErrorBothPaths(
      request(user, result('call_1')),
      {
        model: 'gpt-oss-120b',
        messages: [
          { role: 'user', content: 'Pick bits.' },
          { role: 'tool', content: 'ok', tool_call_id: 'call_1' },
        ],
      },
      400,
    );
    expect(body).toMatch(/no call has the id 'call_1'/);
  });
});
