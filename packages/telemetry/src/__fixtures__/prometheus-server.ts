import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

/** One series of an instant query. */
export interface PromSample {
  readonly metric: Record<string, string>;
  readonly value: number;
}

/** A real Prometheus (Debian's `prometheus` on PATH) on 127.0.0.1, scraping one target every second. */
export interface PrometheusServer {
  readonly url: string;
  /** An instant query; rejects when Prometheus reports an error (a bad expression, for instance). */
  query(expression: string): Promise<PromSample[]>;
  /** Polls `expression` until it returns at least one series. */
  waitFor(expression: string, timeoutMs?: number): Promise<PromSample[]>;
  /** Stops Prometheus and removes its data directory. */
  stop(): Promise<void>;
}

/** Options of {@link startPrometheus}. */
export interface StartPrometheusOptions {
  /** `host:port` to scrape at `/metrics`. */
  readonly target: string;
  /** The job label. */
  readonly job: string;
  /** Absolute paths of rule files to load. */
  readonly ruleFiles: readonly string[];
}

/** Starts Prometheus with a 1 s scrape and evaluation interval and waits until it is ready. */
export async function startPrometheus(options: StartPrometheusOptions): Promise<PrometheusServer> {
  const directory = await mkdtemp(join(tmpdir(), 'acpt-prometheus-'));
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    'rule_files:',
    ...options.ruleFiles.map((file) => `  - ${JSON.stringify(file)}`),
    'scrape_configs:',
    `  - job_name: ${JSON.stringify(options.job)}`,
    '    static_configs:',
    `      - targets: [${JSON.stringify(options.target)}]`,
    '',
  ].join('\n');
  await writeFile(join(directory, 'prometheus.yml'), config);
  const port = await freePort();
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(directory, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(directory, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const server: PrometheusServer = {
    url,
    async query(expression) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expression)}`);
      const body = (await response.json()) as {
        status: string;
        error?: string;
        data?: { result: { metric: Record<string, string>; value: [number, string] }[] };
      };
      if (body.status !== 'success') throw new Error(`query ${expression} failed: ${body.error}`);
      return (body.data?.result ?? []).map((entry) => ({ metric: entry.metric, value: Number(entry.value[1]) }));
    },
    async waitFor(expression, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const result = await server.query(expression);
        if (result.length > 0) return result;
        if (Date.now() > deadline) throw new Error(`no result for ${expression} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited: ${log}`);
    const ready = await fetch(`${url}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`prometheus not ready: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
