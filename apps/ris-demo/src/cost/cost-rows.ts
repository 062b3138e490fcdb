import { formatUsd } from './render-estimate.ts';
import type { RunCost } from './run-cost.ts';

/** The report's and the console's cost rows: the figure with what it is, per simulated second and per agent. */
export function costRows(cost: RunCost | undefined): [string, string][] {
  if (cost === undefined) return [];
  const title = cost.basis === 'billed' ? 'cost' : 'cost (estimate at list price)';
  if (cost.usd === null) return [[title, `unknown: ${cost.label}`]];
  const perAgent = Object.entries(cost.byAgent)
    .map(([agent, usd]) => `${agent} ${formatUsd(usd)}`)
    .join(', ');
  const rows: [string, string][] = [
    [title, `${formatUsd(cost.usd)}: ${cost.label}`],
    ['cost per simulated second', formatUsd(cost.usdPerSimulatedSecond ?? 0)],
    ['cost per agent', perAgent === '' ? 'none' : perAgent],
  ];
  if (cost.fallbackAnswers > 0) {
    rows.push([
      'fallback answers',
      `${cost.fallbackAnswers} answered by the mock at no cost (${formatUsd(cost.fallbackListPriceUsd)} at list price)`,
    ]);
  }
  return rows;
}
