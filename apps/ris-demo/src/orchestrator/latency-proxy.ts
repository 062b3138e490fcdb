import type { PredictedKpis } from '../scenario/types.ts';

/** Packet size of the latency proxy: one 1500-byte IP packet, bits. */
export const LATENCY_PROXY_PACKET_BITS = 12_000;
/** Airtime charged for a vehicle predicted to get no rate at all, s (a stalled link). */
export const LATENCY_PROXY_STALL_S = 1;

/**
 * The coordinator's latency proxy: the mean airtime of one 1500-byte packet over the vehicles at their predicted
 * rates, each capped at {@link LATENCY_PROXY_STALL_S}. It grows when any vehicle's rate falls, so it rewards lifting
 * the weakest links; it leaves out queueing and the LLM's own decision latency (the same for every proposal).
 */
export function latencyProxyS(predicted: PredictedKpis): number {
  const rates = Object.values(predicted.rateBpsByVehicle);
  if (rates.length === 0) return 0;
  let total = 0;
  for (const rate of rates)
    total += rate > 0 ? Math.min(LATENCY_PROXY_PACKET_BITS / rate, LATENCY_PROXY_STALL_S) : LATENCY_PROXY_STALL_S;
  return total / rates.length;
}
