import { InvalidRequestError, RetryExhaustedError } from '@acpt/config';
import type { MockResponder, MockResponderOutput } from '@acpt/transport-mock';
import { generateObject, generateText, isStepCount, Output, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { servedProviders } from './__fixtures__/served-provider.ts';

const { serve } = servedProviders();

/** Calls `set_phase` until the conversation carries its result, then answers in text. */
const toolPlayer: MockResponder<MockResponderOutput> = (request) =>
  request.messages.at(-1)?.role === 'tool'
    ? { text: 'Surface steered to vehicle 3.' }
    : { toolCalls: [{ name: 'set_phase', arguments: { vehicle: 3, bits: [1, 0, 1] } }] };

const setPhase = tool({
  description: 'Set the RIS phase bits for a vehicle',
  inputSchema: z.object({ vehicle: z.number().int(), bits: z.array(z.number().int()) }),
  execute: async ({ vehicle, bits }) => ({ ok: true, vehicle, applied: bits.length }),
});

describe('the AI SDK over @acpt/ai-sdk (real transport, mock server)', () => {
  it('generateText: text, usage, finish reason and acpt provider metadata', async () => {
    const { cerebras } = await serve();
    const result = await generateText({ model: cerebras('gpt-oss-120b'), prompt: 'Pick RIS phase bits.' });
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(result.providerMetadata?.acpt).toMatchObject({
      provider: 'cerebras',
      attempts: 1,
      fallbackReason: null,
      requestId: 'req-1',
    });
    expect(result.providerMetadata?.acpt?.serverRequestId).toEqual(expect.any(String));
    expect(result.providerMetadata?.acpt?.timeInfo).toMatchObject({ totalTime: expect.any(Number) });
    // The cost the adapter puts on every response travels along (engineer cost's pricing contract).
    expect(result.providerMetadata?.acpt?.cost).toEqual(expect.any(Object));
  });

  it('retries 503s inside the adapter: the AI SDK sees one successful call with attempts 3', async () => {
    const { cerebras, server } = await serve({ faults: [{ kind: 'service-unavailable', at: [0, 1] }] });
    const result = await generateText({ model: cerebras(), prompt: 'Hi', maxRetries: 0 });
    expect(result.providerMetadata?.acpt).toMatchObject({ provider: 'cerebras', attempts: 3 });
    expect(server.requestCount).toBe(3);
  });

  it('falls back to the mock when the live attempts fail, and says so in the metadata', async () => {
    const { cerebras } = await serve(
      { faults: [{ kind: 'service-unavailable' }] },
      { fallback: 'mock', retry: { maxRetries: 1, initialBackoffMs: 1, maxBackoffMs: 2 } },
    );
    const result = await generateText({ model: cerebras(), prompt: 'Hi', maxRetries: 0 });
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.providerMetadata?.acpt).toMatchObject({
      provider: 'acpt.mock',
      fallbackReason: 'retries_exhausted',
      attempts: 3,
    });
  });

  it('surfaces the adapter’s typed error when retries are exhausted without a fallback', async () => {
    const { cerebras } = await serve({ faults: [{ kind: 'service-unavailable' }] }, { retry: { maxRetries: 1 } });
    const failure = await generateText({ model: cerebras(), prompt: 'Hi', maxRetries: 0 }).catch((error) => error);
    expect(RetryExhaustedError.isInstance(failure)).toBe(true);
  });

  it('streamText: text and reasoning parts, usage and metadata on finish', async () => {
    const { cerebras } = await serve();
    const result = streamText({
      model: cerebras('qwen-3.8-27b'),
      prompt: 'Explain the NOMA power split.',
      providerOptions: { acpt: { reasoningFormat: 'parsed' } },
    });
    let streamed = '';
    for await (const delta of result.textStream) streamed += delta;
    expect(streamed).toBe(await result.text);
    expect(streamed.length).toBeGreaterThan(0);
    expect((await result.reasoningText)?.length ?? 0).toBeGreaterThan(0);
    expect(await result.finishReason).toBe('stop');
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
    expect((await result.providerMetadata)?.acpt).toMatchObject({ provider: 'cerebras', attempts: 1 });
  });

  it('streamText retries a 503 before the first token and streams the retried answer', async () => {
    const { cerebras, server } = await serve({ faults: [{ kind: 'service-unavailable', at: [0] }] });
    const result = streamText({ model: cerebras(), prompt: 'Hi', maxRetries: 0 });
    expect((await result.text).length).toBeGreaterThan(0);
    expect((await result.providerMetadata)?.acpt).toMatchObject({ attempts: 2 });
    expect(server.requestCount).toBe(2);
  });

  it('streamText: a failure after content reached the caller is an error part and a finish with reason error', async () => {
    const { cerebras, server } = await serve({ faults: [{ kind: 'stream-truncated', at: [0] }], streamChunkTokens: 1 });
    const result = streamText({ model: cerebras(), prompt: 'Explain the NOMA power split.', maxRetries: 0 });
    const types: string[] = [];
    let failure: unknown;
    for await (const part of result.fullStream) {
      types.push(part.type);
      if (part.type === 'error') failure = part.error;
    }
    expect(types).toContain('text-delta');
    expect(RetryExhaustedError.isInstance(failure) && failure.reason).toBe('stream-already-delivered');
    expect(server.requestCount).toBe(1);
  });

  it('generateObject and Output.object: a strict schema on the wire, the typed object back', async () => {
    const { cerebras } = await serve();
    const schema = z.object({
      bits: z.array(z.number().int()),
      mode: z.enum(['beam', 'split']),
      note: z.string().optional(),
    });
    const { object } = await generateObject({ model: cerebras(), schema, prompt: 'Pick bits.' });
    expect(['beam', 'split']).toContain(object.mode);
    expect(object).not.toHaveProperty('note', null);
    const { output } = await generateText({ model: cerebras(), output: Output.object({ schema }), prompt: 'Pick.' });
    expect(Array.isArray(output.bits)).toBe(true);
    const streamed = streamText({ model: cerebras(), output: Output.object({ schema }), prompt: 'Pick.' });
    expect(['beam', 'split']).toContain((await streamed.output).mode);
  });

  it('runs a multi-step tool loop: the call, the executed result sent back, the final answer', async () => {
    const { cerebras, server } = await serve({ responder: toolPlayer });
    const result = await generateText({
      model: cerebras(),
      tools: { set_phase: setPhase },
      stopWhen: isStepCount(4),
      prompt: 'Steer the surface to vehicle 3.',
    });
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]?.finishReason).toBe('tool-calls');
    expect(result.steps[0]?.toolResults[0]?.output).toEqual({ ok: true, vehicle: 3, applied: 3 });
    expect(result.text).toBe('Surface steered to vehicle 3.');
    expect(server.requestCount).toBe(2);
  });

  it('streams a tool loop: tool input deltas, the call, the result, then the answer', async () => {
    const { cerebras } = await serve({ responder: toolPlayer });
    const result = streamText({
      model: cerebras(),
      tools: { set_phase: setPhase },
      stopWhen: isStepCount(4),
      prompt: 'Steer the surface to vehicle 3.',
    });
    const types = new Set<string>();
    for await (const part of result.fullStream) types.add(part.type);
    expect([...types]).toEqual(expect.arrayContaining(['tool-input-start', 'tool-call', 'tool-result', 'text-delta']));
    expect(await result.text).toBe('Surface steered to vehicle 3.');
  });

  it('aborts the request when the caller’s signal fires', async () => {
    const { cerebras, adapter } = await serve({ latency: { kind: 'fixed', ms: 5_000 } });
    const controller = new AbortController();
    const pending = generateText({ model: cerebras(), prompt: 'Hi', abortSignal: controller.signal, maxRetries: 0 });
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await expect(pending).rejects.toThrow('caller gave up');
    expect(adapter.diagnostics().counts).toMatchObject({ aborted: 1, inFlight: 0 });
  });

  it('streamText: aborting mid-stream stops the stream, settles the adapter request as aborted and frees the slot', async () => {
    const { cerebras, adapter } = await serve({
      latency: { kind: 'fixed', ms: 0, timeToFirstTokenMs: 0, tokensPerSecond: 40 },
    });
    const controller = new AbortController();
    const result = streamText({
      model: cerebras(),
      prompt: 'Explain the NOMA power split.',
      abortSignal: controller.signal,
    });
    const types: string[] = [];
    for await (const part of result.fullStream) {
      types.push(part.type);
      if (part.type === 'text-delta') controller.abort(new Error('caller gave up'));
    }
    // The AI SDK ends the stream with an abort part, not a finish; the adapter saw the abort and holds nothing.
    expect(types).toContain('text-delta');
    expect(types.at(-1)).toBe('abort');
    expect(types).not.toContain('finish');
    await expect.poll(() => adapter.diagnostics().counts).toMatchObject({ aborted: 1, inFlight: 0, succeeded: 0 });
  });

  it('warns about settings Cerebras lacks and refuses invalid acpt provider options', async () => {
    const { cerebras, server } = await serve();
    const result = await generateText({ model: cerebras(), prompt: 'Hi', topK: 5, reasoning: 'minimal' });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'unsupported', feature: 'topK' }),
        expect.objectContaining({ type: 'compatibility', feature: 'reasoning' }),
      ]),
    );
    // The AI SDK's own user-agent header is not the caller's: no warning for it.
    expect((result.warnings ?? []).map((warning) => ('feature' in warning ? warning.feature : ''))).not.toContain(
      'headers',
    );
    const withHeaders = await generateText({ model: cerebras(), prompt: 'Hi', headers: { 'x-trace': '1' } });
    expect(withHeaders.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'unsupported', feature: 'headers' })]),
    );
    const refused = await generateText({
      model: cerebras(),
      prompt: 'Hi',
      maxRetries: 0,
      providerOptions: { acpt: { topLogprobs: 50, extraBody: { model: 'other' } } },
    }).catch((error) => error);
    expect(InvalidRequestError.isInstance(refused)).toBe(true);
    expect((refused as InvalidRequestError).issues.map((issue) => issue.path)).toEqual([
      'providerOptions.acpt.topLogprobs',
      'providerOptions.acpt.topLogprobs',
      'providerOptions.acpt.extraBody.model',
    ]);
    expect(server.requestCount).toBe(2);
  });
});
