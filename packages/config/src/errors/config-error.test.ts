import { describe, expect, it } from 'vitest';
import { AcptConfigError, ConfigError, type ConfigIssue, describeConfigSource } from './config-error.ts';

const issue = (path: string, source: ConfigIssue['source']): ConfigIssue => ({
  path,
  expected: 'an integer from 0 to 10',
  received: '"abc"',
  source,
  message: 'expected an integer from 0 to 10, received "abc"',
});

describe('AcptConfigError', () => {
  it('is the ConfigError the issue asks for', () => {
    expect(ConfigError).toBe(AcptConfigError);
  });

  it('lists every issue with its path and source in the message', () => {
    const error = new AcptConfigError([
      issue('retry.maxRetries', { kind: 'env', name: 'ACPT_MAX_RETRIES' }),
      issue('', { kind: 'file', path: './acpt.json' }),
    ]);
    expect(error.message).toBe(
      'Invalid acpt configuration (2 problems):\n' +
        '  - retry.maxRetries (env ACPT_MAX_RETRIES): expected an integer from 0 to 10, received "abc"\n' +
        '  - (root) (file ./acpt.json): expected an integer from 0 to 10, received "abc"',
    );
    expect(error.issues).toHaveLength(2);
    expect(error.code).toBe('ACPT_CONFIG_INVALID');
    expect(error.retryable).toBe(false);
  });

  it('says "1 problem" for one', () => {
    expect(new AcptConfigError([issue('model', { kind: 'override' })]).message).toMatch(
      /^Invalid acpt configuration \(1 problem\):/,
    );
  });

  it.each([
    [{ kind: 'default' }, 'default'],
    [{ kind: 'override' }, 'override'],
    [{ kind: 'env', name: 'CEREBRAS_MODEL' }, 'env CEREBRAS_MODEL'],
    [{ kind: 'file', path: '/etc/acpt.json' }, 'file /etc/acpt.json'],
  ] as const)('describes %o as %s', (source, text) => {
    expect(describeConfigSource(source)).toBe(text);
  });

  it('is recognised across duplicate installs', () => {
    const foreign = Object.assign(new Error('x'), { issues: [] });
    Object.defineProperty(foreign, Symbol.for('acpt.error.AcptConfigError'), { value: true });
    expect(AcptConfigError.isInstance(foreign)).toBe(true);
    expect(AcptConfigError.isInstance(new Error('x'))).toBe(false);
  });
});
