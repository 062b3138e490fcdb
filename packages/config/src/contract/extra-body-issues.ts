import type { RequestIssue } from '../errors/invalid-request-error.ts';
import { CHAT_REQUEST_WIRE_FIELDS } from './chat-request.ts';

const owned: ReadonlySet<string> = new Set(CHAT_REQUEST_WIRE_FIELDS);

/**
 * The problems of an `extraBody` passthrough: every key that collides with a wire field the contract models (use the
 * typed option instead) or the transport writes itself. Empty when it is fine or absent.
 *
 * @param path - how the caller names the option in messages, e.g. `providerOptions.extraBody`
 */
export function extraBodyIssues(
  extraBody: Readonly<Record<string, unknown>> | undefined,
  path = 'extraBody',
): RequestIssue[] {
  if (extraBody === undefined) return [];
  const issues: RequestIssue[] = [];
  for (const key of Object.keys(extraBody)) {
    if (!owned.has(key)) continue;
    issues.push({
      path: `${path}.${key}`,
      message: `"${key}" is a field acpt owns (typed option or transport-managed); set it through the typed option instead of the passthrough`,
    });
  }
  return issues;
}
