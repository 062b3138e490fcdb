import type { CampaignConfiguration } from '@acpt/campaign';
import { expandGrid, parseGrid, type ScenarioOverrides } from '@acpt/ris-demo/experiment';

/**
 * The ris-demo scenario overrides of a configuration: its scenario file's content (read at submission, carried by the
 * job) with its `set` values and grid point applied by the ris-demo's own grid rules (aliases such as `vehicles` or
 * `risElements`, dotted paths such as `ris.phaseBits`, values typed by the field), resolved and validated.
 *
 * @throws {AcptConfigError} naming the parameter when it is unknown or the point is not a valid scenario
 */
export function scenarioOverridesOf(configuration: CampaignConfiguration): ScenarioOverrides {
  const base = (configuration.scenario.base ?? {}) as ScenarioOverrides;
  const spec = Object.entries(configuration.scenario.set)
    .map(([name, value]) => `${name}=${value === null ? 'null' : String(value)}`)
    .join(';');
  const axes = spec === '' ? [] : parseGrid(spec);
  const [point] = expandGrid(axes, base);
  return point?.overrides ?? base;
}
