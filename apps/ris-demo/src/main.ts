import { runCli } from './cli/run-cli.ts';

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
});
process.exitCode = code;
