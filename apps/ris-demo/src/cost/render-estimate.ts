import type { RunEstimate } from './estimate-run.ts';

const count = (value: number): string => Math.round(value).toLocaleString('en-US');

/** USD with cents from $1 up and four significant digits below. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  const digits = Math.min(12, 3 - Math.floor(Math.log10(usd)));
  return `$${usd.toFixed(digits).replace(/0+$/, '')}`;
}

const sourceWords = {
  configuration: 'configured price',
  catalogue: 'served catalogue price',
  default: 'built-in list price',
};

/** The console text of `--estimate`: every figure says it is a projection and where its price came from. */
export function renderEstimate(estimate: RunEstimate): string {
  const { price } = estimate;
  const shape =
    `${estimate.seeds} seed${estimate.seeds === 1 ? '' : 's'} × ${estimate.stepsPerSeed} steps ` +
    `(${estimate.simulatedSecondsPerSeed} s simulated each), ${estimate.batching} batching, model ${estimate.model}`;
  const simulatedSeconds = estimate.seeds * estimate.simulatedSecondsPerSeed;
  const lines = [
    `Estimate, nothing sent: ${shape}`,
    `  requests           ${count(estimate.requests)}${estimate.batching === 'templated' ? ' (re-asks of invalid answers not included)' : ''}`,
    `  prompt tokens      ≈ ${count(estimate.promptTokens)} (estimated at 4 characters a token, prompts built along a heuristic run)`,
    `  completion tokens  ≤ ${count(estimate.maxCompletionTokens)} (every request's max_completion_tokens)`,
  ];
  if (price === undefined || estimate.floorUsd === null || estimate.ceilingUsd === null) {
    lines.push(`  cost               unknown: ${estimate.model} has no price (set "pricing" or ACPT_PRICING)`);
    return `${lines.join('\n')}\n`;
  }
  const when = price.effectiveFrom === undefined ? '' : ` of ${price.effectiveFrom}`;
  lines.push(
    `  cost               ${formatUsd(estimate.floorUsd)} (prompts only) to ${formatUsd(estimate.ceilingUsd)} (every completion token), ` +
      `at $${price.inputUsdPerMillion} input / $${price.outputUsdPerMillion} output per million tokens (${sourceWords[price.source]}${when})`,
    `  per simulated s    ${formatUsd(estimate.floorUsd / simulatedSeconds)} to ${formatUsd(estimate.ceilingUsd / simulatedSeconds)}`,
  );
  return `${lines.join('\n')}\n`;
}
