/** A bad command line or input the user can fix: the CLI prints the message without a stack and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit code of a usage error. */
export const USAGE_EXIT_CODE = 2;
