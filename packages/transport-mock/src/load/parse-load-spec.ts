import { AcptConfigError, type ConfigIssue } from '@acpt/config';
import type { LoadModel } from './capacity-queue.ts';

const limits = { slots: [1, 100_000], queue: [0, 1_000_000] } as const;

/**
 * Reads a load model from `slots=16,queue=64` (`--load` of `acpt-mock-server`): both keys, whole numbers, slots from
 * 1 and queue from 0. Every problem is reported at once.
 *
 * @throws {AcptConfigError} naming each bad or missing key
 */
export function parseLoadSpec(spec: string): LoadModel {
  const issues: ConfigIssue[] = [];
  const issue = (path: string, expected: string, received: string): void => {
    issues.push({
      path,
      expected,
      received,
      source: { kind: 'override' },
      message: `--load ${path} must be ${expected}`,
    });
  };
  const values: Partial<Record<keyof typeof limits, number>> = {};
  for (const part of spec.split(',')) {
    const [key = '', raw, ...rest] = part.trim().split('=');
    if (!(key in limits) || raw === undefined || rest.length > 0) {
      issue(key === '' ? 'load' : key, 'slots=N or queue=N', JSON.stringify(part.trim()));
      continue;
    }
    const [min, max] = limits[key as keyof typeof limits];
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max)
      issue(key, `a whole number from ${min} to ${max}`, JSON.stringify(raw));
    else if (values[key as keyof typeof limits] !== undefined) issue(key, 'given once', 'twice');
    else values[key as keyof typeof limits] = value;
  }
  for (const key of Object.keys(limits) as (keyof typeof limits)[]) {
    if (values[key] === undefined && !issues.some((one) => one.path === key))
      issue(key, 'set (slots=N,queue=N)', 'nothing');
  }
  if (issues.length > 0) throw new AcptConfigError(issues);
  return { slots: values.slots as number, queueLimit: values.queue as number };
}
