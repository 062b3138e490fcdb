import type { AdapterEventMap, AdapterEventName, CerebrasConfigInput, ChatRequest } from '@acpt/config';
import type { CerebrasLLMAdapter } from '../adapter/cerebras-llm-adapter.ts';
import type { AdapterOptions } from '../adapter-types.ts';
import { createAdapter } from '../create-adapter.ts';
import { ADAPTER_EVENT_NAMES } from '../events/event-names.ts';
import { createScriptedTransport, type ScriptedTransport, type ScriptStep } from './scripted-transport.ts';
import { testConfig } from './test-config.ts';

type Script = readonly ScriptStep[] | ((call: number, request: ChatRequest) => ScriptStep);

/** Every event name of the contract. */
export const EVENT_NAMES: readonly AdapterEventName[] = ADAPTER_EVENT_NAMES;

/** One recorded event. */
export interface Recorded<TName extends AdapterEventName = AdapterEventName> {
  readonly name: TName;
  readonly event: AdapterEventMap[TName];
}

/** A test adapter over scripted transports, recording every event. Use with `vi.useFakeTimers()`. */
export interface Harness {
  readonly adapter: CerebrasLLMAdapter;
  readonly live: ScriptedTransport | undefined;
  readonly mock: ScriptedTransport | undefined;
  readonly events: Recorded[];
  /** Warnings the adapter announced (its `warn` sink), in order. */
  readonly warnings: string[];
  /** Event names in order. */
  names(): AdapterEventName[];
  /** The events of one name. */
  of<TName extends AdapterEventName>(name: TName): AdapterEventMap[TName][];
}

/** Builds a {@link Harness}. `random` defaults to 0.5 (half the backoff cap with full jitter). */
export function harness(
  options: {
    readonly config?: CerebrasConfigInput;
    readonly live?: Script;
    readonly mock?: Script;
  } & Omit<AdapterOptions, 'transport' | 'mockTransport'> = {},
): Harness {
  const live = options.live === undefined ? undefined : createScriptedTransport(options.live, 'cerebras');
  const mock = options.mock === undefined ? undefined : createScriptedTransport(options.mock, 'acpt.mock');
  const warnings: string[] = [];
  const adapter = createAdapter({
    random: () => 0.5,
    warn: (message) => warnings.push(message),
    clock: { now: () => Date.now() },
    ...options,
    config: testConfig(options.config),
    transport: live,
    mockTransport: mock,
  });
  const events: Recorded[] = [];
  for (const name of EVENT_NAMES) adapter.on(name, (event) => events.push({ name, event } as Recorded));
  return {
    adapter,
    live,
    mock,
    events,
    warnings,
    names: () => events.map((entry) => entry.name),
    of: <TName extends AdapterEventName>(name: TName) =>
      events.filter((entry) => entry.name === name).map((entry) => entry.event as AdapterEventMap[TName]),
  };
}

/** The settled state of a promise, without unhandled rejections while fake time advances. */
export function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
