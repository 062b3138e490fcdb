import { AcptConfigError } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { expandCampaign } from './expand-campaign.ts';
import { parseCampaignSpec } from './parse-campaign-spec.ts';

const valid = {
  name: 'ris-sweep',
  scenarios: [
    { name: 'urban', file: 'urban.json', grid: { vehicleCount: [4, 8], 'ris.elements': [64, 256] } },
    { name: 'default' },
  ],
  seeds: { from: 1, count: 3 },
  policies: ['llm', 'scripted-rules'],
  adapter: [{ name: 'gpt-oss', settings: { model: 'gpt-oss-120b' } }],
};

function problems(input: unknown): { path: string; expected: string; received: string }[] {
  try {
    parseCampaignSpec(input, { kind: 'file', path: 'campaign.json' });
  } catch (error) {
    if (!AcptConfigError.isInstance(error)) throw error;
    expect(error.issues.every((issue) => issue.source.kind === 'file')).toBe(true);
    return error.issues.map(({ path, expected, received }) => ({ path, expected, received }));
  }
  throw new Error('no problem reported');
}

describe('parseCampaignSpec', () => {
  it('applies the defaults', () => {
    const spec = parseCampaignSpec({ name: 'a', scenarios: [{ name: 's' }], seeds: [1], policies: ['llm'] });
    expect(spec).toMatchObject({ steps: 100, attempts: 3, adapter: [{ name: 'default', settings: {} }] });
  });

  it('reports every problem at once, each with its JSON path', () => {
    expect(
      problems({
        name: 'Bad Name',
        scenarios: [
          { name: 'ok', grid: { vehicleCount: [] } },
          { name: 'x', fil: 'typo.json' },
        ],
        seeds: { from: -1, count: 0 },
        policies: [],
        steps: 1.5,
        extra: true,
      }),
    ).toEqual([
      { path: '$.name', expected: expect.stringMatching(/^a name/), received: '"Bad Name"' },
      { path: '$.scenarios[0].grid.vehicleCount', expected: 'a non-empty list of values', received: '[]' },
      { path: '$.scenarios[1].fil', expected: 'only the keys name, file, set and grid', received: '"typo.json"' },
      { path: '$.seeds.from', expected: 'a whole number from 0 to 2147483647', received: '-1' },
      { path: '$.seeds.count', expected: 'a whole number from 1 to 100000', received: '0' },
      { path: '$.policies', expected: 'at least one policy', received: '[]' },
      { path: '$.steps', expected: 'a whole number from 1 to 1000000', received: '1.5' },
      { path: '$.extra', expected: expect.any(String), received: 'true' },
    ]);
  });

  it('reports a seed list by its element, and names used twice', () => {
    expect(problems({ ...valid, seeds: [1, 'two'] })).toEqual([
      { path: '$.seeds[1]', expected: 'a whole number from 0 to 2147483647', received: '"two"' },
    ]);
    expect(problems({ ...valid, seeds: [1, 1], policies: ['llm', 'llm'] }).map((issue) => issue.path)).toEqual([
      '$.policies[1]',
      '$.seeds[1]',
    ]);
  });
});

describe('expandCampaign', () => {
  it('makes one job per (configuration, seed) with ids that depend only on the content', () => {
    const plan = expandCampaign(parseCampaignSpec(valid));
    expect(plan.configurations.map((configuration) => configuration.label)).toEqual([
      'urban[ris.elements=64,vehicleCount=4] / gpt-oss',
      'urban[ris.elements=64,vehicleCount=8] / gpt-oss',
      'urban[ris.elements=256,vehicleCount=4] / gpt-oss',
      'urban[ris.elements=256,vehicleCount=8] / gpt-oss',
      'default / gpt-oss',
    ]);
    expect(plan.jobs).toHaveLength(15);
    expect(new Set(plan.jobs.map((job) => job.id)).size).toBe(15);
    expect(plan.jobs[0]?.id).toMatch(/^[0-9a-f]{12}-s1$/);
    expect(plan.jobs[0]?.data).toMatchObject({
      seed: 1,
      steps: 100,
      policies: ['llm', 'scripted-rules'],
      configuration: { scenario: { file: 'urban.json', set: { 'ris.elements': 64, vehicleCount: 4 } } },
    });
    // Same content in another key order: same ids. Another seed range: the shared seeds keep theirs.
    const reordered = expandCampaign(
      parseCampaignSpec({
        ...valid,
        scenarios: [
          { grid: { 'ris.elements': [64, 256], vehicleCount: [4, 8] }, file: 'urban.json', name: 'urban' },
          { name: 'default' },
        ],
      }),
    );
    expect(reordered.jobs.map((job) => job.id)).toEqual(plan.jobs.map((job) => job.id));
    const more = expandCampaign(parseCampaignSpec({ ...valid, seeds: { from: 1, count: 5 } }));
    expect(more.jobs.map((job) => job.id)).toEqual(expect.arrayContaining(plan.jobs.map((job) => job.id)));
    // Anything that changes what runs changes the id, the content of a scenario file included.
    const longer = expandCampaign(parseCampaignSpec({ ...valid, steps: 200 }));
    expect(longer.jobs[0]?.id).not.toBe(plan.jobs[0]?.id);
    const withFile = expandCampaign(parseCampaignSpec(valid), { scenarioBase: () => ({ vehicleCount: 12 }) });
    expect(withFile.configurations[0]?.scenario.base).toEqual({ vehicleCount: 12 });
    expect(withFile.jobs[0]?.id).not.toBe(plan.jobs[0]?.id);
    expect(withFile.jobs.at(-1)?.id).toBe(plan.jobs.at(-1)?.id);
  });
});
