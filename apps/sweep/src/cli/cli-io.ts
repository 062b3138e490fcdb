/** Where the CLI writes and what it reads from its environment (injected in tests). */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
  /** The current folder, for relative paths. */
  readonly cwd: string;
  /** How to start this CLI again (`node [flags] main`), for the worker processes of `sweep local`. */
  readonly self: readonly string[];
}
