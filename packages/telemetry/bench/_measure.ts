import { PerformanceObserver } from 'node:perf_hooks';
import type { BenchClient } from './_clients.ts';

/** One measured run of a client: throughput, and CPU and main-thread GC pause per request. */
export interface Run {
  readonly throughput: number;
  readonly cpuUs: number;
  readonly gcUs: number;
}

// Main-thread GC pauses, summed from the `gc` performance entries (delivered asynchronously: see `settle`).
let gcPauseMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauseMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

async function settle(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** Completes `count` requests through `client` with `concurrency` callers in a closed loop and measures them. */
export async function measure(client: BenchClient, count: number, concurrency: number): Promise<Run> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next++ < count) await client.complete();
  };
  await settle();
  const gcBefore = gcPauseMs;
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  await settle();
  return {
    throughput: (count / wallMs) * 1000,
    cpuUs: (used.user + used.system) / count,
    gcUs: ((gcPauseMs - gcBefore) * 1000) / count,
  };
}
