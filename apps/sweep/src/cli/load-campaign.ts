import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type CampaignPlan, type CampaignSpec, expandCampaign, parseCampaignSpec } from '@acpt/campaign';
import { AcptConfigError, type ConfigIssue } from '@acpt/config';
import { parseScenarioFile } from '@acpt/ris-demo/experiment';
import { parseAdapterSettings } from '../runner/adapter-settings.ts';
import { scenarioOverridesOf } from '../runner/scenario-overrides.ts';
import { UsageError } from './usage-error.ts';

/**
 * The policies a ris-demo job produces: the agent run (`scripted-agents` in mock mode, `llm-agents` otherwise), the
 * demo's baselines and the oracle upper bound. A job runs them all on its seed; `policies` chooses what the report
 * shows (and `oracle` whether the oracle runs).
 */
export const RIS_POLICIES: readonly string[] = [
  'scripted-agents',
  'llm-agents',
  'scripted-rules',
  'fixed-heuristic',
  'random',
  'closed-form',
  'oracle',
];

/** A campaign file read, validated and expanded, scenario files included. */
export interface LoadedCampaign {
  readonly spec: CampaignSpec;
  readonly plan: CampaignPlan;
}

/**
 * Reads a campaign file: JSON, the campaign schema, each adapter entry's settings, each scenario file (relative to
 * the campaign file; its content travels with the jobs, so workers on other machines need no copy), and every
 * configuration resolved as a ris-demo scenario. Every problem is reported at once with its JSON path.
 *
 * @throws {UsageError} when the file cannot be read or is not JSON
 * @throws {AcptConfigError} listing every problem of the content
 */
export function loadCampaign(path: string): LoadedCampaign {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the campaign file ${path}: ${(error as Error).message}`);
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the campaign file ${path} is not JSON: ${(error as Error).message}`);
  }
  const source = { kind: 'file', path } as const;
  const spec = parseCampaignSpec(content, source);
  const issues: ConfigIssue[] = [];
  const collect = (prefix: string, action: () => void): void => {
    try {
      action();
    } catch (error) {
      if (!AcptConfigError.isInstance(error)) throw error;
      issues.push(...error.issues.map((issue) => ({ ...issue, path: prefix + issue.path })));
    }
  };
  spec.adapter.forEach((entry, index) => {
    collect('', () => parseAdapterSettings(entry.settings, index, source));
  });
  const bases = new Map<string, Readonly<Record<string, unknown>>>();
  spec.scenarios.forEach((scenario, index) => {
    if (scenario.file === undefined || bases.has(scenario.file)) return;
    const file = resolve(dirname(path), scenario.file);
    let scenarioText: string;
    try {
      scenarioText = readFileSync(file, 'utf8');
    } catch (error) {
      issues.push({
        path: `$.scenarios[${index}].file`,
        expected: 'a readable scenario file, relative to the campaign file',
        received: JSON.stringify(scenario.file),
        source,
        message: `cannot read ${file}: ${(error as Error).message}`,
      });
      return;
    }
    collect(`$.scenarios[${index}].file → `, () => {
      bases.set(scenario.file as string, parseScenarioFile(scenarioText, file) as Record<string, unknown>);
    });
  });
  if (issues.length > 0) throw new AcptConfigError(issues);
  const plan = expandCampaign(spec, { scenarioBase: (file) => bases.get(file) ?? {} });
  spec.policies.forEach((policy, index) => {
    if (RIS_POLICIES.includes(policy)) return;
    issues.push({
      path: `$.policies[${index}]`,
      expected: `one of ${RIS_POLICIES.join(', ')}`,
      received: JSON.stringify(policy),
      source,
      message: `unknown policy ${JSON.stringify(policy)}; the ris-demo runs ${RIS_POLICIES.join(', ')}`,
    });
  });
  for (const configuration of plan.configurations) {
    collect(`configuration ${configuration.label}: `, () => scenarioOverridesOf(configuration));
  }
  if (issues.length > 0) throw new AcptConfigError(issues);
  return { spec, plan };
}
