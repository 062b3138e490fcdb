import type { ConfigIssue, ConfigSource } from '../errors/config-error.ts';

/** Builds a `ConfigIssue`; the message defaults to `expected …, received …`. */
export function configIssue(
  path: string,
  source: ConfigSource,
  detail: { readonly expected: string; readonly received: string; readonly message?: string },
): ConfigIssue {
  return {
    path,
    expected: detail.expected,
    received: detail.received,
    source,
    message: detail.message ?? `expected ${detail.expected}, received ${detail.received}`,
  };
}
