#!/usr/bin/env node
import { runCli } from './cli/run-cli.ts';

// `sweep …`: the first SIGINT/SIGTERM lets the command wind down (workers finish their running jobs); the second exits.
const interrupt = new AbortController();
const onSignal = (): void => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: interrupt.signal,
  cwd: process.cwd(),
  self: [process.execPath, ...process.execArgv, process.argv[1] ?? ''],
})
  .then((code) => {
    process.exitCode = code;
    process.exit();
  })
  .catch((error: unknown) => {
    process.stderr.write(`sweep: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    process.exit();
  });
