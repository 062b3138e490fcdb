import { expect } from 'vitest';
import { AcptConfigError, type ConfigIssue } from '../../errors/config-error.ts';

/** Runs `run`, expects an `AcptConfigError`, and returns its issues. Test-only. */
export function issuesOf(run: () => unknown): readonly ConfigIssue[] {
  try {
    run();
  } catch (error) {
    expect(AcptConfigError.isInstance(error)).toBe(true);
    return (error as AcptConfigError).issues;
  }
  throw new Error('expected an AcptConfigError, but nothing was thrown');
}

/** The one issue at `path`; fails the test when there is not exactly one. Test-only. */
export function issueAt(issues: readonly ConfigIssue[], path: string): ConfigIssue {
  const found = issues.filter((issue) => issue.path === path);
  expect(found, `issues at ${path}: ${JSON.stringify(issues)}`).toHaveLength(1);
  return found[0] as ConfigIssue;
}
