import type { CliIo } from '../cli/cli-io.ts';

/** Test helper: a `CliIo` that captures stdout and stderr as strings. */
export function captureIo(env: Readonly<Record<string, string | undefined>> = {}): CliIo & {
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env,
    out: () => out,
    err: () => err,
  };
}
