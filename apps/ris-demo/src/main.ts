import { runCli } from './cli/run-cli.ts';

// SIGINT/SIGTERM stop the run after the current step (or cancel the running seeds) and write what is done, marked
// as interrupted; a second signal exits at once.
const interruption = new AbortController();
const onSignal = (signal: NodeJS.Signals): void => {
  if (interruption.signal.aborted) process.exit(signal === 'SIGTERM' ? 143 : 130);
  process.stderr.write(`\nris-demo: ${signal}: stopping, writing the finished part (again to quit at once)\n`);
  interruption.abort(signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
  signal: interruption.signal,
});
process.exitCode = code;
