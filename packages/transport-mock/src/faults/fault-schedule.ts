import { AcptConfigError, type ConfigIssue } from '@acpt/config';
import { uniformAt } from '../random/hash.ts';
import { FAULT_KINDS, type FaultRule } from './fault-rule.ts';

/** Decides, for each request index, which fault (if any) fires. Shared by the in-process mock and the server. */
export interface FaultSchedule {
  /** The rules, in priority order. */
  readonly rules: readonly FaultRule[];
  /** The first rule that fires on request `index` (0-based), or `undefined`. A pure function of the index. */
  faultAt(index: number): FaultRule | undefined;
}

/**
 * Builds the schedule of a list of rules; the first rule that fires on an index wins.
 *
 * @throws {AcptConfigError} when a rule is malformed (unknown kind, `every` below 1, probability outside 0–1, …)
 * @example
 * const schedule = createFaultSchedule([{ kind: 'service-unavailable', every: 3 }]);
 * schedule.faultAt(2)?.kind; // 'service-unavailable'
 */
export function createFaultSchedule(rules: readonly FaultRule[] = []): FaultSchedule {
  const issues = rules.flatMap((rule, position) => validateRule(rule, position));
  if (issues.length > 0) throw new AcptConfigError(issues);
  const prepared = rules.map((rule) => ({ rule, at: new Set(rule.at ?? []) }));
  return {
    rules,
    faultAt(index: number): FaultRule | undefined {
      for (const { rule, at } of prepared) if (fires(rule, at, index)) return rule;
      return undefined;
    },
  };
}

function fires(rule: FaultRule, at: ReadonlySet<number>, index: number): boolean {
  const untriggered = rule.every === undefined && rule.at === undefined && rule.probability === undefined;
  if (untriggered) return true;
  if (rule.every !== undefined && (index + 1) % rule.every === 0) return true;
  if (at.has(index)) return true;
  return rule.probability !== undefined && uniformAt(rule.seed ?? 0, index) < rule.probability;
}

function validateRule(rule: FaultRule, position: number): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const issue = (field: string, expected: string, received: unknown): void => {
    issues.push({
      path: `faults[${position}].${field}`,
      expected,
      received: JSON.stringify(received) ?? String(received),
      source: { kind: 'override' },
      message: `must be ${expected}`,
    });
  };
  if (!(FAULT_KINDS as readonly string[]).includes(rule.kind))
    issue('kind', `one of ${FAULT_KINDS.join(', ')}`, rule.kind);
  if (rule.every !== undefined && !(Number.isInteger(rule.every) && rule.every >= 1))
    issue('every', 'a whole number of at least 1', rule.every);
  if (rule.at !== undefined && !rule.at.every((index) => Number.isInteger(index) && index >= 0))
    issue('at', 'a list of whole numbers of at least 0', rule.at);
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1))
    issue('probability', 'a number from 0 to 1', rule.probability);
  if (rule.seed !== undefined && !Number.isInteger(rule.seed)) issue('seed', 'a whole number', rule.seed);
  if (rule.delayMs !== undefined && !(rule.delayMs >= 0 && Number.isFinite(rule.delayMs)))
    issue('delayMs', 'a finite number of at least 0', rule.delayMs);
  return issues;
}
