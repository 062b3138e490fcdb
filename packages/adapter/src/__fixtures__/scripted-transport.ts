import type {
  ChatRequest,
  ChatResponse,
  ChatStreamEvent,
  RateLimitState,
  Transport,
  TransportCallOptions,
  Usage,
} from '@acpt/config';
import { systemSleep } from '../timing/timers.ts';

/** What one scripted call does. */
export type ScriptStep =
  | {
      readonly kind: 'ok';
      readonly text?: string;
      readonly latencyMs?: number;
      readonly rateLimit?: RateLimitState;
      readonly usage?: Usage;
    }
  | { readonly kind: 'error'; readonly error: unknown; readonly latencyMs?: number }
  | { readonly kind: 'hang' }
  | {
      readonly kind: 'stream';
      readonly deltas: readonly string[];
      readonly delayMs?: number;
      /** Thrown after the deltas instead of finishing. */
      readonly failWith?: unknown;
      /** End without a finish event. */
      readonly truncate?: boolean;
    };

/** A recorded call. */
export interface ScriptedCall {
  readonly request: ChatRequest;
  readonly signal: AbortSignal | undefined;
  readonly method: 'complete' | 'stream';
}

/** A Transport whose every call follows a script; the adapter's own boundary, used before and beside the mock. */
export interface ScriptedTransport extends Transport {
  readonly calls: ScriptedCall[];
  closed: number;
}

/** Latency in (fake) time; 0 ms resolves in a microtask, so tests need no timer advance for instant steps. */
const wait = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  ms <= 0 && signal?.aborted !== true ? Promise.resolve() : systemSleep(ms, signal);

function hang(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * Creates a scripted transport. `script` is a list (call n uses entry n, the last repeats) or a function of the
 * 0-based call number. Latencies use `setTimeout` (fake timers in tests) and honour the abort signal.
 */
export function createScriptedTransport(
  script: readonly ScriptStep[] | ((call: number, request: ChatRequest) => ScriptStep),
  provider = 'scripted',
): ScriptedTransport {
  const calls: ScriptedCall[] = [];
  const stepFor = (request: ChatRequest): ScriptStep => {
    const index = calls.length - 1;
    if (typeof script === 'function') return script(index, request);
    const step = script[Math.min(index, script.length - 1)];
    if (step === undefined) throw new Error('empty script');
    return step;
  };
  const responseFor = (request: ChatRequest, text: string, step?: ScriptStep): ChatResponse => ({
    id: `chatcmpl-${calls.length}`,
    model: request.model ?? 'model',
    provider,
    text,
    finishReason: 'stop',
    usage: (step?.kind === 'ok' ? step.usage : undefined) ?? { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
    ...(step?.kind === 'ok' && step.rateLimit ? { rateLimit: step.rateLimit } : {}),
    latency: { totalMs: 1 },
  });
  const transport: ScriptedTransport = {
    provider,
    calls,
    closed: 0,
    async complete(request: ChatRequest, options?: TransportCallOptions): Promise<ChatResponse> {
      calls.push({ request, signal: options?.signal, method: 'complete' });
      const step = stepFor(request);
      if (step.kind === 'hang') return hang(options?.signal);
      if (step.kind === 'stream') throw new Error('stream step used by complete()');
      await wait(step.latencyMs ?? 0, options?.signal);
      if (step.kind === 'error') throw step.error;
      return responseFor(request, step.text ?? `reply ${calls.length}`, step);
    },
    async *stream(request: ChatRequest, options?: TransportCallOptions): AsyncIterable<ChatStreamEvent> {
      calls.push({ request, signal: options?.signal, method: 'stream' });
      const step = stepFor(request);
      if (step.kind === 'hang') return yield* [await hang(options?.signal)];
      if (step.kind === 'error') {
        await wait(step.latencyMs ?? 0, options?.signal);
        throw step.error;
      }
      const deltas = step.kind === 'stream' ? step.deltas : [step.text ?? `reply ${calls.length}`];
      for (const text of deltas) {
        await wait(step.kind === 'stream' ? (step.delayMs ?? 0) : 0, options?.signal);
        yield { type: 'text-delta', text };
      }
      if (step.kind === 'stream' && step.failWith !== undefined) throw step.failWith;
      if (step.kind === 'stream' && step.truncate === true) return;
      yield { type: 'finish', response: responseFor(request, deltas.join(''), step) };
    },
    async close(): Promise<void> {
      transport.closed++;
    },
  };
  return transport;
}
