/**
 * Scenario files (`--scenario FILE.json`): a JSON object with any subset of the scenario's fields (sections merge
 * field by field over the defaults; `rsus` replaces the whole list). Validated in two layers that report together: the
 * valibot schema below (unknown keys, wrong types, bad enum values) and `validateScenario`'s ranges and cross-field
 * rules on the merged result, with the fields that failed the first layer left at their defaults. Every problem is
 * named by its JSON path (`ris.phaseBits`, `rsus[1].txPowerW`). `scenarioToJson` writes a resolved scenario in the
 * same format (`--print-scenario`), so a printed scenario reads back to itself.
 */
import { AcptConfigError, type ConfigIssue, type ConfigSource } from '@acpt/config';
import * as v from 'valibot';
import { resolveScenario } from './default-scenario.ts';
import type { ScenarioConfig, ScenarioOverrides } from './scenario-config.ts';

const num = v.number();
const vector = v.strictObject({ x: num, y: num, z: num });
/** A K-factor in dB or the string `"Infinity"` (JSON has no infinite numbers) for a pure LoS hop. */
const kFactor = v.union([
  num,
  v.pipe(
    v.literal('Infinity'),
    v.transform(() => Number.POSITIVE_INFINITY),
  ),
]);

const section = <TEntries extends v.ObjectEntries>(entries: TEntries) => v.optional(v.strictObject(entries));

/** The schema of a scenario file: every key optional, none unknown. */
const ScenarioFileSchema = v.strictObject({
  timeStepS: v.optional(num),
  carrierHz: v.optional(num),
  bandwidthHz: v.optional(num),
  noiseFigureDb: v.optional(num),
  vehicleCount: v.optional(num),
  road: section({
    lengthM: v.optional(num),
    laneCount: v.optional(num),
    laneWidthM: v.optional(num),
    minSpeedMps: v.optional(num),
    maxSpeedMps: v.optional(num),
    vehicleAntennaHeightM: v.optional(num),
  }),
  rsus: v.optional(v.array(v.strictObject({ id: v.pipe(v.string(), v.nonEmpty()), position: vector, txPowerW: num }))),
  ris: section({
    centre: v.optional(vector),
    normalAzimuthRad: v.optional(num),
    rows: v.optional(num),
    columns: v.optional(num),
    elementSpacingWavelengths: v.optional(num),
    phaseBits: v.optional(num),
    vehicleHopKFactorDb: v.optional(kFactor),
    elementPowerW: v.optional(num),
    elementPowerMode: v.optional(v.picklist(['always', 'reconfigured'])),
    staticPowerW: v.optional(num),
    reconfigurationDelayS: v.optional(num),
    retuneIntervalSteps: v.optional(num),
  }),
  channel: section({
    shadowingSigmaLosDb: v.optional(num),
    shadowingSigmaNlosDb: v.optional(num),
    shadowingDecorrelationLosM: v.optional(num),
    shadowingDecorrelationNlosM: v.optional(num),
    losStateDecorrelationM: v.optional(num),
    kFactorMeanDb: v.optional(num),
    kFactorSigmaDb: v.optional(num),
    kFactorDecorrelationM: v.optional(num),
    interRsuInterference: v.optional(v.boolean()),
    pathLossModel: v.optional(v.picklist(['umi', 'uma'])),
    smallScaleFading: v.optional(v.picklist(['rician', 'nakagami'])),
    nakagamiM: v.optional(num),
  }),
  noma: section({ sicResidual: v.optional(num), farUserMinSpectralEfficiency: v.optional(num) }),
  handover: section({
    hysteresisDb: v.optional(num),
    a3OffsetDb: v.optional(num),
    timeToTriggerS: v.optional(num),
    l3FilterCoefficient: v.optional(num),
    pingPongWindowS: v.optional(num),
    failureSinrDb: v.optional(num),
  }),
  energy: section({
    amplifierEfficiency: v.optional(num),
    staticPowerPerRsuW: v.optional(num),
    sleepPowerPerRsuW: v.optional(num),
    powerControl: v.optional(v.boolean()),
    maxSpectralEfficiency: v.optional(v.nullable(num)),
  }),
  csi: section({ nmseDb: v.optional(v.nullable(num)), delaySteps: v.optional(num) }),
});

/** `a.b[2].c` from a path of keys and indices. */
export function jsonPath(keys: readonly (string | number)[]): string {
  return keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function issueKeys(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

function removePath(target: unknown, keys: readonly (string | number)[]): void {
  let node = target as Record<string | number, unknown> | undefined;
  for (let i = 0; i < keys.length - 1 && node !== undefined; i += 1) {
    node = node[keys[i]!] as Record<string | number, unknown> | undefined;
  }
  if (node !== undefined && typeof node === 'object' && keys.length > 0) delete node[keys.at(-1)!];
}

/**
 * Validates parsed scenario-file content and returns the overrides it sets (validated against the merged scenario).
 * @throws {AcptConfigError} Listing every problem (schema and ranges together), each with its JSON path.
 */
export function scenarioOverridesFromJson(content: unknown, source: ConfigSource): ScenarioOverrides {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    const received = Array.isArray(content) ? 'an array' : JSON.stringify(content);
    throw new AcptConfigError([
      { path: '(root)', expected: 'a JSON object', received, source, message: 'must be a JSON object' },
    ]);
  }
  const first = v.safeParse(ScenarioFileSchema, content);
  const issues: ConfigIssue[] = [];
  let overrides: ScenarioOverrides | undefined;
  if (first.success) {
    overrides = first.output;
  } else {
    const failed = new Set<string>();
    for (const issue of first.issues) {
      const keys = issueKeys(issue);
      const path = jsonPath(keys) || '(root)';
      failed.add(path);
      issues.push({
        path,
        expected: issue.expected ?? 'a valid value',
        received: issue.received,
        source,
        message: issue.message,
      });
    }
    // Leave the broken fields at their defaults, so the range checks still see every other field.
    const pruned = structuredClone(content);
    for (const issue of first.issues) removePath(pruned, issueKeys(issue));
    const second = v.safeParse(ScenarioFileSchema, pruned);
    if (second.success) overrides = second.output;
  }
  if (overrides !== undefined) {
    try {
      resolveScenario(overrides);
    } catch (error) {
      if (!AcptConfigError.isInstance(error)) throw error;
      for (const issue of error.issues) issues.push({ ...issue, path: issue.path.replace(/^scenario\./, ''), source });
    }
  }
  if (issues.length > 0) throw new AcptConfigError(issues);
  return overrides ?? {};
}

/**
 * Parses a scenario file's text (JSON) and validates it.
 * @throws {AcptConfigError} On invalid JSON (with the parser's position) or any invalid field.
 */
export function parseScenarioFile(text: string, path: string): ScenarioOverrides {
  const source: ConfigSource = { kind: 'file', path };
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    throw new AcptConfigError([
      {
        path: '(root)',
        expected: 'a JSON object',
        received: 'invalid JSON',
        source,
        message: (error as Error).message,
      },
    ]);
  }
  return scenarioOverridesFromJson(content, source);
}

/** `JSON.stringify` replacer of scenario files: `Infinity` becomes the string `"Infinity"`. */
export function scenarioJsonReplacer(_key: string, value: unknown): unknown {
  return value === Number.POSITIVE_INFINITY ? 'Infinity' : value;
}

/** A resolved scenario as scenario-file JSON (2-space indent; `Infinity` as the string `"Infinity"`). */
export function scenarioToJson(scenario: ScenarioConfig): string {
  return `${JSON.stringify(scenario, scenarioJsonReplacer, 2)}\n`;
}
