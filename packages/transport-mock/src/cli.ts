#!/usr/bin/env node
import { CLI_USAGE, parseCliArguments } from './cli/parse-cli-arguments.ts';
import { createMockCerebrasServer } from './server/create-mock-cerebras-server.ts';

/** `acpt-mock-server`: runs the mock Cerebras endpoint until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const { help, options } = parseCliArguments(process.argv.slice(2), process.env);
  if (help) {
    console.log(CLI_USAGE);
    return;
  }
  const server = await createMockCerebrasServer(options);
  console.log(`acpt-mock-server listening on ${server.url}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(CLI_USAGE);
  process.exit(2);
});
