import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMockCerebrasServer } from '@acpt/transport-mock';
import { CHILD_KEY_VARIABLE, type ChildMessage, type MockServerSpec } from './mock-server-spec.ts';

/** What the server reports when stopped. */
export interface MockServerStats {
  /** Chat-completion requests it received (attempts, retries included). */
  readonly requestCount: number;
  /** Peak RSS of the server process (child placement only), MiB. */
  readonly peakRssMiB?: number;
}

/** A mock server the load test started. */
export interface RunningMockServer {
  readonly url: string;
  /** Stops it and reports its counts. */
  stop(): Promise<MockServerStats>;
}

const mebibyte = 1024 * 1024;
const startTimeoutMs = 15_000;

/** The child entry next to this module: `.ts` when running from source, the bundled `.mjs` from `dist/`. */
function childEntry(): { path: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const path = fileURLToPath(
    new URL(fromSource ? './mock-server-child.ts' : './mock-server-child.mjs', import.meta.url),
  );
  return { path, execArgv: fromSource ? ['--conditions=@acpt/source'] : [] };
}

function waitFor<TType extends ChildMessage['type']>(
  child: ChildProcess,
  type: TType,
  timeoutMs: number,
): Promise<Extract<ChildMessage, { type: TType }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`the mock server child sent no "${type}" within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message: ChildMessage): void => {
      if (message.type === type) finish(undefined, message as Extract<ChildMessage, { type: TType }>);
      else if (message.type === 'failed') finish(new Error(`the mock server child failed: ${message.message}`));
    };
    const onExit = (code: number | null): void =>
      finish(new Error(`the mock server child exited (${code}) before "${type}"`));
    function finish(error?: Error, message?: Extract<ChildMessage, { type: TType }>): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (message !== undefined) resolve(message);
      else reject(error);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function startChild(spec: MockServerSpec, apiKey: string): Promise<RunningMockServer> {
  const entry = childEntry();
  const child = fork(entry.path, [JSON.stringify(spec)], {
    execArgv: entry.execArgv,
    env: { ...process.env, [CHILD_KEY_VARIABLE]: apiKey },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const { url } = await waitFor(child, 'listening', startTimeoutMs);
    return {
      url,
      async stop(): Promise<MockServerStats> {
        const stopped = waitFor(child, 'stopped', 10_000);
        child.send({ type: 'stop' });
        const { requestCount, peakRssBytes } = await stopped;
        return { requestCount, peakRssMiB: peakRssBytes / mebibyte };
      },
    };
  } catch (error) {
    child.kill();
    throw error;
  }
}

/**
 * Starts the `@acpt/transport-mock` Cerebras server on 127.0.0.1 with the load test's faults and latency, in a child
 * process (its CPU apart from the driver's) or in this process.
 */
export async function startMockServer(options: {
  readonly placement: 'child' | 'in-process';
  readonly spec: MockServerSpec;
  readonly apiKey: string;
}): Promise<RunningMockServer> {
  if (options.placement === 'child') return startChild(options.spec, options.apiKey);
  const server = await createMockCerebrasServer({
    host: '127.0.0.1',
    port: 0,
    apiKey: options.apiKey,
    ...options.spec,
  });
  return {
    url: server.url,
    async stop(): Promise<MockServerStats> {
      await server.close();
      return { requestCount: server.requestCount };
    },
  };
}
