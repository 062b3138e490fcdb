import { AcptConfigError } from '@acpt/config';

/**
 * Which attempts get a child span under the logical `chat {model}` span: `all` (every attempt), `retries` (only the
 * attempts of a request that made more than one, the first included; a request answered by its first attempt has the
 * logical span alone, which already covers that attempt) or `none` (turn off when an HTTP client instrumentation
 * already traces the calls).
 */
export type AttemptSpanMode = 'all' | 'retries' | 'none';

const MODES: readonly string[] = ['all', 'retries', 'none'];

/**
 * Resolves the `attemptSpans` option: one of the modes, or the older booleans (`true` = `all`, `false` = `none`).
 *
 * @throws {AcptConfigError} `ACPT_CONFIG_INVALID` naming `attemptSpans` and the allowed values
 */
export function resolveAttemptSpanMode(option: AttemptSpanMode | boolean | undefined): AttemptSpanMode {
  if (option === undefined) return 'retries';
  if (option === true) return 'all';
  if (option === false) return 'none';
  if (typeof option === 'string' && MODES.includes(option)) return option;
  const expected = "one of 'all', 'retries', 'none'";
  const received = JSON.stringify(String(option)).slice(0, 40);
  throw new AcptConfigError([
    {
      path: 'attemptSpans',
      expected,
      received,
      source: { kind: 'override' },
      message: `attemptSpans must be ${expected} (received ${received}); the default is 'retries'`,
    },
  ]);
}
