import { appendFileSync } from 'node:fs';
import type { CerebrasLLMAdapter } from '@acpt/adapter';
import type { JobRunner } from '../worker/campaign-worker.ts';

/** What a synthetic job leaves as its summary. */
export interface SyntheticSummary {
  readonly jobId: string;
  readonly seed: number;
  readonly calls: number;
  readonly tokens: number;
  readonly pid: number;
}

/** One line of the shared execution log: every start and end of every job, by process. */
export interface ExecutionRecord {
  readonly pid: number;
  readonly jobId: string;
  readonly event: 'start' | 'end' | 'stop';
  readonly atMs: number;
}

/**
 * A job that makes `steps` sequential model calls through the adapter (real HTTP to the mock server, through the
 * shared admission), logging its start and end to `logFile` with `O_APPEND` so the test can check that no job ran
 * twice at once. Jobs listed in `poison` always fail.
 */
export function createSyntheticRunner(options: {
  readonly adapter: Pick<CerebrasLLMAdapter, 'generate'>;
  readonly logFile: string;
  readonly steps: number;
  readonly poison?: readonly string[];
}): JobRunner<SyntheticSummary> {
  const log = (jobId: string, event: ExecutionRecord['event']): void => {
    const record: ExecutionRecord = { pid: process.pid, jobId, event, atMs: Date.now() };
    appendFileSync(options.logFile, `${JSON.stringify(record)}\n`);
  };
  return async (data, context) => {
    log(context.jobId, 'start');
    try {
      if (options.poison?.includes(context.jobId)) throw new Error(`poison job ${context.jobId}: fails every time`);
      let tokens = 0;
      const lines: string[] = [];
      for (let step = 0; step < options.steps; step++) {
        context.signal.throwIfAborted();
        const reply = await options.adapter.generate(`seed ${data.seed} step ${step}: pick a RIS phase profile`, {
          signal: context.signal,
          seed: data.seed,
        });
        tokens += reply.usage?.totalTokens ?? 0;
        lines.push(JSON.stringify({ step, tokens: reply.usage?.totalTokens ?? 0 }));
        context.progress(Math.round(((step + 1) * 100) / options.steps));
      }
      log(context.jobId, 'end');
      const summary = { jobId: context.jobId, seed: data.seed, calls: options.steps, tokens, pid: process.pid };
      return { summary, files: { 'calls.jsonl': `${lines.join('\n')}\n` } };
    } catch (error) {
      log(context.jobId, 'stop');
      throw error;
    }
  };
}
