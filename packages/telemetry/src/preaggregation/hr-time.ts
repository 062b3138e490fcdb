import type { HrTime } from '@opentelemetry/api';

/** Epoch milliseconds as `[seconds, nanoseconds]`, as `@opentelemetry/core`'s `millisToHrTime` computes them. */
export function hrTimeOfMillis(epochMillis: number): HrTime {
  return [Math.trunc(epochMillis / 1000), Math.round((epochMillis % 1000) * 1e6)];
}

/** Now, at performance-clock precision, as `@opentelemetry/core`'s `hrTime()` (a collection's end time). */
export function hrTimeNow(): HrTime {
  const origin = hrTimeOfMillis(performance.timeOrigin);
  const elapsed = hrTimeOfMillis(performance.now());
  let seconds = origin[0] + elapsed[0];
  let nanos = origin[1] + elapsed[1];
  if (nanos >= 1e9) {
    seconds += 1;
    nanos -= 1e9;
  }
  return [seconds, nanos];
}
