/** A bad command line: unknown command or flag, or a flag value out of range. The CLI exits 2 on it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit code of a usage error. */
export const USAGE_EXIT_CODE = 2;
