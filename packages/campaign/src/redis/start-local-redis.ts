import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPort } from './free-port.ts';

/** A Debian `redis-server` this process started on 127.0.0.1 with its own data folder and the append-only file on. */
export interface LocalRedis {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** The data folder (AOF and RDB files). */
  readonly directory: string;
  /** Stops the server (SIGTERM: it flushes the AOF) and, unless `keepData`, removes a folder it created. */
  stop(): Promise<void>;
  /** Kills the server with SIGKILL (a crash: only what the AOF holds survives). */
  kill(): Promise<void>;
  /** Starts the server again on the same port and folder (after `stop()` or `kill()`); it replays the AOF. */
  start(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open but nothing answers, as in a network partition. */
  freeze(): void;
  /** Lets a frozen server go on (SIGCONT). */
  thaw(): void;
}

/** Options of {@link startLocalRedis}. */
export interface StartLocalRedisOptions {
  /** Data folder. @defaultValue a new temporary folder, removed by `stop()` */
  readonly directory?: string;
  /** Port. @defaultValue a free loopback port */
  readonly port?: number;
  /** AOF fsync policy: `always` loses nothing on a crash, `everysec` at most a second. @defaultValue 'always' */
  readonly appendfsync?: 'always' | 'everysec';
  /** Keep the data folder on `stop()`. @defaultValue false (true when `directory` is given) */
  readonly keepData?: boolean;
  /** How long to wait for the server to accept connections. @defaultValue 20000 */
  readonly readyTimeoutMs?: number;
}

/** The Debian package's binary; `scripts/system-deps.sh` installs it. */
const REDIS_SERVER = 'redis-server';

/**
 * Starts Debian's `redis-server` on 127.0.0.1 on a free port with its own data folder, append-only file on (fsync
 * `always` by default, so a `kill -9` loses nothing), no RDB snapshots, protected mode on. Resolves once it accepts
 * connections. Used by the tests and by `sweep --local`.
 *
 * @throws {Error} when `redis-server` is missing or does not become ready
 */
export async function startLocalRedis(options: StartLocalRedisOptions = {}): Promise<LocalRedis> {
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), 'acpt-redis-')));
  await mkdir(directory, { recursive: true });
  const keepData = options.keepData ?? options.directory !== undefined;
  const port = options.port ?? (await freeLoopbackPort());
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    directory,
    '--appendonly',
    'yes',
    '--appendfsync',
    options.appendfsync ?? 'always',
    '--save',
    '',
    '--daemonize',
    'no',
    '--protected-mode',
    'yes',
    '--logfile',
    '',
  ];
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const launch = async (): Promise<void> => {
    const started = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    await waitUntilReady(started, options.readyTimeoutMs ?? 20_000);
  };
  const halt = async (signal: NodeJS.Signals): Promise<void> => {
    child?.kill('SIGCONT');
    if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    directory,
    async stop() {
      await halt('SIGTERM');
      if (!keepData) await rm(directory, { recursive: true, force: true });
    },
    kill: () => halt('SIGKILL'),
    start: launch,
    freeze: () => child?.kill('SIGSTOP'),
    thaw: () => child?.kill('SIGCONT'),
  };
}

function waitUntilReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(
      () => fail(new Error(`redis-server was not ready within ${timeoutMs} ms: ${log}`)),
      timeoutMs,
    );
    const onData = (chunk: string): void => {
      log = (log + chunk).slice(-4000);
      if (log.includes('Ready to accept connections')) done();
    };
    const onExit = (code: number | null): void => fail(new Error(`redis-server exited (${code}): ${log}`));
    const onError = (error: Error): void =>
      fail(new Error(`could not start redis-server (install it with scripts/system-deps.sh): ${error.message}`));
    const cleanUp = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      child.stdout?.resume();
      child.stderr?.resume();
    };
    const done = (): void => {
      cleanUp();
      resolve();
    };
    const fail = (error: Error): void => {
      cleanUp();
      if (child.exitCode === null) child.kill('SIGKILL');
      reject(error);
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}
