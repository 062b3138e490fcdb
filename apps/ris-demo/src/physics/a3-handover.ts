/**
 * Handover measurement and event A3 ("neighbour becomes offset better than SpCell") of 3GPP TS 38.331: layer-3
 * filtering F_n = (1 − a) F_{n−1} + a M_n with a = 1/2^(k/4) on RSRP in dBm; entering condition Mn − Hys > Mp + Off
 * (all frequency/cell offsets 0), leaving condition Mn + Hys < Mp + Off; the event triggers once the entering
 * condition has held on every sample for timeToTrigger.
 */

/** Filter coefficient a = 1/2^(k/4) for the configured k (k = 4 → a = 1/2). */
export function l3FilterWeight(filterCoefficient: number): number {
  return 2 ** (-filterCoefficient / 4);
}

/** One layer-3 filter update; the first sample initialises the filter (F_0 = M_0). */
export function l3Filter(previous: number | null, sample: number, weight: number): number {
  return previous === null ? sample : (1 - weight) * previous + weight * sample;
}

/** A3 parameters in dB and s. */
export interface A3Parameters {
  readonly hysteresisDb: number;
  readonly a3OffsetDb: number;
  readonly timeToTriggerS: number;
}

/** A3 state of one (vehicle, neighbour) pair. */
export interface A3State {
  /** Time the entering condition started to hold continuously, s; null when it does not hold. */
  enteringSinceS: number | null;
  /** Whether the event has triggered (and not yet left). */
  triggered: boolean;
}

/** A fresh, untriggered A3 state. */
export function createA3State(): A3State {
  return { enteringSinceS: null, triggered: false };
}

/** Slack of TTT comparisons against accumulated float time (1 µs). */
const TIME_EPSILON_S = 1e-6;

/**
 * Updates an A3 state with one filtered sample pair at time t and returns whether the event is triggered.
 * @param neighbourDbm Mn, filtered neighbour RSRP.
 * @param servingDbm Mp, filtered serving RSRP.
 */
export function updateA3(
  state: A3State,
  neighbourDbm: number,
  servingDbm: number,
  timeS: number,
  parameters: A3Parameters,
): boolean {
  const entering = neighbourDbm - parameters.hysteresisDb > servingDbm + parameters.a3OffsetDb;
  const leaving = neighbourDbm + parameters.hysteresisDb < servingDbm + parameters.a3OffsetDb;
  if (state.triggered) {
    if (leaving) {
      state.triggered = false;
      state.enteringSinceS = null;
    }
    return state.triggered;
  }
  if (!entering) {
    state.enteringSinceS = null;
    return false;
  }
  state.enteringSinceS ??= timeS;
  if (timeS - state.enteringSinceS >= parameters.timeToTriggerS - TIME_EPSILON_S) {
    state.triggered = true;
  }
  return state.triggered;
}
