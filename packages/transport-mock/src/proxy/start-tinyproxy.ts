import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Debian `tinyproxy` running on 127.0.0.1 with its own configuration and log in a temporary folder. */
export interface RunningTinyproxy {
  /** `http://127.0.0.1:<port>`, without credentials. */
  readonly url: string;
  readonly port: number;
  /** The proxy's log so far (`Request (file descriptor N): CONNECT host:port HTTP/1.1` lines). */
  log(): string;
  /** Stops it (SIGKILL when `abruptly`: every tunnel is cut at once) and removes its folder. Idempotent. */
  stop(abruptly?: boolean): Promise<void>;
}

/** How long tinyproxy may take to listen (a loaded CI machine can take seconds to spawn it). */
const START_TIMEOUT_MS = 15_000;
/** How long `stop()` waits after SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 2_000;

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function accepts(port: number): Promise<boolean> {
  const socket = connect(port, '127.0.0.1');
  try {
    await Promise.race([once(socket, 'connect'), once(socket, 'error').then(() => Promise.reject())]);
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}

/**
 * Starts Debian's `tinyproxy -d` (foreground; `scripts/system-deps.sh` installs it) on a free loopback port, allowing
 * `CONNECT` to any port, optionally requiring `BasicAuth` (`"user password"`): the real egress proxy that tests put in
 * front of the mock server. Resolves once the port accepts connections.
 *
 * @throws when tinyproxy is missing or exits at start-up
 * @example
 * ```ts
 * const proxy = await startTinyproxy();
 * // createCerebrasTransport({ config: { ...config, connection: { ...config.connection, proxy: proxy.url } } })
 * await proxy.stop();
 * ```
 */
export async function startTinyproxy(options: { readonly basicAuth?: string } = {}): Promise<RunningTinyproxy> {
  const dir = mkdtempSync(join(tmpdir(), 'acpt-tinyproxy-'));
  const port = await freePort();
  const logFile = join(dir, 'tinyproxy.log');
  const lines = [
    'Listen 127.0.0.1',
    `Port ${port}`,
    'Timeout 30',
    `LogFile "${logFile}"`,
    'LogLevel Connect',
    `PidFile "${join(dir, 'tinyproxy.pid')}"`,
    'MaxClients 64',
    'Allow 127.0.0.1',
    ...(options.basicAuth === undefined ? [] : [`BasicAuth ${options.basicAuth}`]),
  ];
  writeFileSync(join(dir, 'tinyproxy.conf'), `${lines.join('\n')}\n`);
  const child: ChildProcess = spawn('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  child.once('error', () => {
    exited = true;
  });
  const startBy = Date.now() + START_TIMEOUT_MS;
  let listening = false;
  for (;;) {
    listening = !exited && (await accepts(port));
    if (exited || listening || Date.now() >= startBy) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (exited) throw new Error(`tinyproxy exited at start-up (port ${port}); is Debian's tinyproxy installed?`);
  if (!listening) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`tinyproxy did not listen on port ${port} within ${START_TIMEOUT_MS} ms`);
  }
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log: () => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    },
    stop(abruptly = false): Promise<void> {
      stopping ??= (async () => {
        if (!exited) {
          const gone = once(child, 'exit');
          child.kill(abruptly ? 'SIGKILL' : 'SIGTERM');
          // tinyproxy may linger on SIGTERM while it closes tunnels (up to its `Timeout`): a busy machine must not
          // turn a test's clean-up into a hook timeout, so it is killed after a grace period.
          const grace = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
          await gone;
          clearTimeout(grace);
        }
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
