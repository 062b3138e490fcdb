import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIG_SHAPE } from '../config/config-schema.ts';
import { AcptConfigError } from '../errors/config-error.ts';
import { ENVIRONMENT_VARIABLES } from './environment-variables.ts';
import { loadConfig } from './load-config.ts';
import { parseConfig } from './parse-config.ts';

/** Values near and beyond the edges of every rule, plus anything at all. */
const plausibleValue = fc.oneof(
  fc.integer({ min: -5, max: 70_000 }),
  fc.double(),
  fc.constantFrom(0, 1, 0.5, 2, 1_000_000, Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.boolean(),
  fc.constantFrom(
    'soft',
    'hard',
    'mock',
    'throw',
    'gpt-oss-120b',
    'http://127.0.0.1:8080',
    'https://x.test',
    'csk-key',
  ),
  fc.string(),
  fc.anything(),
);

/** Objects shaped like a configuration (known keys, sometimes misspelt), with plausible or arbitrary values. */
const configShaped = fc.dictionary(
  fc.oneof(fc.constantFrom(...Object.keys(CONFIG_SHAPE)), fc.string()),
  fc.oneof(
    plausibleValue,
    fc.dictionary(
      fc.oneof(
        fc.constantFrom(...Object.values(CONFIG_SHAPE).flatMap((shape) => (Array.isArray(shape) ? shape : []))),
        fc.string(),
      ),
      plausibleValue,
    ),
  ),
);

function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

/** Runs `parse` and checks the invariant: a deep-frozen config, or an `AcptConfigError` with complete issues. */
function expectConfigOrConfigError(parse: () => unknown): void {
  let config: unknown;
  try {
    config = parse();
  } catch (error) {
    expect(AcptConfigError.isInstance(error), String(error)).toBe(true);
    const issues = (error as AcptConfigError).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.expected).not.toBe('');
      expect(issue.received).not.toBe('');
      expect(issue.message).not.toBe('');
      expect(['default', 'file', 'env', 'override']).toContain(issue.source.kind);
    }
    return;
  }
  expect(isDeepFrozen(config)).toBe(true);
  // A valid configuration is a fixed point: validating it again changes nothing.
  expect(parseConfig(config)).toEqual(config);
}

describe('configuration properties', () => {
  it('any value at all gives a frozen config or a ConfigError, never another exception', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => expectConfigOrConfigError(() => parseConfig(input))),
      { numRuns: 300 },
    );
  });

  it('configuration-shaped objects give a frozen config or a ConfigError', () => {
    fc.assert(
      fc.property(configShaped, (input) => expectConfigOrConfigError(() => parseConfig(input))),
      { numRuns: 500 },
    );
  });

  it('arbitrary environments give a frozen config or a ConfigError naming only env sources', () => {
    const names = ENVIRONMENT_VARIABLES.filter(
      (variable) => !variable.kind.endsWith('file') && variable.kind !== 'path',
    );
    const environment = fc.dictionary(
      fc.constantFrom(...names.map((variable) => variable.name)),
      fc.oneof(fc.string(), fc.constantFrom('true', 'false', '0', '1', '-1', '0.5', '1e3', '{}', 'https://x.test')),
    );
    fc.assert(
      fc.property(environment, (env) => {
        expectConfigOrConfigError(() => loadConfig({ env }));
        try {
          loadConfig({ env });
        } catch (error) {
          for (const issue of (error as AcptConfigError).issues) expect(issue.source.kind).toBe('env');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('valid inputs round-trip: every given number within range comes back unchanged', () => {
    const valid = fc.record(
      {
        retry: fc.record({
          maxRetries: fc.integer({ min: 0, max: 10 }),
          jitter: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        batching: fc.record({
          batchSize: fc.integer({ min: 1, max: 1000 }),
          maxInFlight: fc.integer({ min: 1, max: 10_000 }),
        }),
        timeouts: fc.record({ totalMs: fc.integer({ min: 1, max: 86_400_000 }) }),
        mock: fc.record({ seed: fc.integer({ min: 0, max: 4_294_967_295 }) }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(valid, (input) => {
        const config = parseConfig(input);
        for (const [group, fields] of Object.entries(input)) expect(config[group as 'retry']).toMatchObject(fields);
      }),
    );
  });
});
