import { AcptConfigError } from '@acpt/config';
import { FAULT_KINDS, type FaultKind, type FaultRule } from './fault-rule.ts';
import { createFaultSchedule } from './fault-schedule.ts';

type MutableRule = { -readonly [K in keyof FaultRule]: FaultRule[K] };

/**
 * Parses the compact fault form of the CLI: rules separated by `,`, each `kind` followed by `:name=value` options:
 * `every=K`, `at=I/J/K` (request indexes, `/`-separated), `p=P` (or `probability=P`), `seed=S`, `delay=MS`
 * (or `delayMs=MS`). An empty spec gives no rules.
 *
 * @throws {AcptConfigError} for an unknown kind or option, or a value that is not a number
 * @example
 * parseFaultSpec('rate-limit-tokens:every=5,service-unavailable:p=0.1:seed=3,connection-reset:at=1/4');
 */
export function parseFaultSpec(spec: string): FaultRule[] {
  const rules: FaultRule[] = [];
  for (const part of spec.split(',')) {
    const text = part.trim();
    if (text === '') continue;
    const [kind = '', ...options] = text.split(':');
    if (!(FAULT_KINDS as readonly string[]).includes(kind)) fail(text, `unknown fault kind "${kind}"`);
    const rule: MutableRule = { kind: kind as FaultKind };
    for (const option of options) applyOption(rule, option, text);
    rules.push(rule);
  }
  createFaultSchedule(rules);
  return rules;
}

function applyOption(rule: MutableRule, option: string, text: string): void {
  const [name = '', value = ''] = option.split('=', 2);
  const number = (raw: string): number => {
    const parsed = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(parsed)) fail(text, `"${name}" needs a number, got "${raw}"`);
    return parsed;
  };
  switch (name) {
    case 'every':
      rule.every = number(value);
      return;
    case 'at':
      rule.at = value.split('/').map(number);
      return;
    case 'p':
    case 'probability':
      rule.probability = number(value);
      return;
    case 'seed':
      rule.seed = number(value);
      return;
    case 'delay':
    case 'delayMs':
      rule.delayMs = number(value);
      return;
    default:
      fail(text, `unknown option "${name}" (use every, at, p, seed or delay)`);
  }
}

function fail(text: string, message: string): never {
  throw new AcptConfigError([
    {
      path: 'faults',
      expected: 'kind[:every=K][:at=I/J][:p=P][:seed=S][:delay=MS], comma-separated',
      received: JSON.stringify(text),
      source: { kind: 'override' },
      message,
    },
  ]);
}
