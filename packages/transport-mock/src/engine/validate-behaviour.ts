import { AcptConfigError, type ConfigIssue, describeTimerLimit, MAX_TIMER_MS } from '@acpt/config';
import type { MockLatencyModel } from '../latency/latency-model.ts';

/** The options {@link validateMockBehaviour} checks. */
export interface CheckedBehaviour {
  readonly latency?: MockLatencyModel;
  readonly models?: readonly string[];
  readonly streamChunkTokens?: number;
}

/**
 * Refuses mock options that would misbehave silently: latencies that are not finite, negative, longer than a Node
 * timer can wait ({@link MAX_TIMER_MS}, which Node would turn into 1 ms) or a `seeded` range with min > max; a
 * non-positive `tokensPerSecond`; a `streamChunkTokens` that is not a positive integer; an empty model list or an
 * empty model id.
 *
 * @throws {AcptConfigError} listing every problem, each naming the option
 */
export function validateMockBehaviour(options: CheckedBehaviour): void {
  const issues: ConfigIssue[] = [];
  const add = (path: string, expected: string, received: unknown): void => {
    issues.push({
      path,
      expected,
      received: JSON.stringify(received) ?? String(received),
      source: { kind: 'override' },
      message: `${path} must be ${expected}`,
    });
  };
  const wait = (path: string, value: number | undefined): void => {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= MAX_TIMER_MS))
      add(path, `a number of ms from 0 to ${describeTimerLimit()}`, value);
  };
  const latency = options.latency;
  if (latency !== undefined && latency.kind !== 'none') {
    if (latency.kind === 'fixed') wait('latency.ms', latency.ms);
    else {
      wait('latency.minMs', latency.minMs);
      wait('latency.maxMs', latency.maxMs);
      if (latency.minMs > latency.maxMs)
        add('latency.minMs', `at most latency.maxMs (${latency.maxMs})`, latency.minMs);
    }
    wait('latency.timeToFirstTokenMs', latency.timeToFirstTokenMs);
    const rate = latency.tokensPerSecond;
    if (rate !== undefined && !(Number.isFinite(rate) && rate > 0))
      add('latency.tokensPerSecond', 'a positive number', rate);
  }
  const chunk = options.streamChunkTokens;
  if (chunk !== undefined && !(Number.isSafeInteger(chunk) && chunk >= 1))
    add('streamChunkTokens', 'a positive integer', chunk);
  const models = options.models;
  if (models !== undefined) {
    if (models.length === 0) add('models', 'a non-empty list of model ids', models);
    models.forEach((model, index) => {
      if (typeof model !== 'string' || model.trim() === '') add(`models[${index}]`, 'a non-empty model id', model);
    });
  }
  if (issues.length > 0) throw new AcptConfigError(issues);
}
