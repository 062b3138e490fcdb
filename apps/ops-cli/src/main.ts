import { runCli } from './cli/run-cli.ts';

// `acpt loadtest|doctor`. During a load test the first Ctrl-C stops submitting (outstanding requests still settle
// and the report is written); the second exits at once.
const argv = process.argv.slice(2);
const interrupt = new AbortController();
if (argv[0] === 'loadtest') {
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(130);
    process.stderr.write('\nstopping: waiting for outstanding requests (Ctrl-C again to quit now)\n');
    interrupt.abort();
  });
}

runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, interrupt: interrupt.signal })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(
      `acpt: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
