/** Where a command writes, and the environment it reads. Injected so tests can capture output. */
export interface CliIo {
  /** Reports and tables. */
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Progress and errors. */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** The environment (`process.env` in `main.ts`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C: long commands stop early and still report. */
  readonly interrupt?: AbortSignal;
}
