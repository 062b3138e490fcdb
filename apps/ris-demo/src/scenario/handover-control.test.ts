import { describe, expect, it } from 'vitest';
import { dbmToWatts } from '../physics/units.ts';
import { createHandoverState, executeHandovers, type HandoverParameters, measure } from './handover-control.ts';

const parameters: HandoverParameters = {
  hysteresisDb: 1,
  a3OffsetDb: 3,
  timeToTriggerS: 0.2,
  filterCoefficient: 0,
  pingPongWindowS: 1,
  failureSinr: 10 ** (-8 / 10),
  noiseW: dbmToWatts(-95),
  interference: true,
};
const context = (timeS: number) => ({
  timeS,
  vehicleIndex: new Map([['v1', 0]]),
  rsuIds: ['rsu1', 'rsu2'],
  parameters,
});

/** One vehicle, two RSUs: samples in dBm for rsu1 and rsu2 (filter k = 0: no smoothing). */
function sample(state: ReturnType<typeof createHandoverState>, rsu1: number, rsu2: number, timeS: number): void {
  measure(state, new Float64Array([dbmToWatts(rsu1), dbmToWatts(rsu2)]), timeS, new Uint8Array(1), parameters);
}

describe('handover control', () => {
  it('attaches to the strongest RSU and executes a handover only once A3 has held for TTT', () => {
    const state = createHandoverState(2, 1);
    sample(state, -70, -80, 0);
    expect(state.serving[0]).toBe(0);
    sample(state, -70, -65, 0.1);
    const early = executeHandovers(state, [{ vehicleId: 'v1', targetRsuId: 'rsu2' }], context(0.1));
    expect(early.rejected).toEqual([{ vehicleId: 'v1', reason: 'event A3 has not triggered toward target' }]);
    sample(state, -70, -65, 0.2);
    sample(state, -70, -65, 0.3);
    const executed = executeHandovers(state, [{ vehicleId: 'v1', targetRsuId: 'rsu2' }], context(0.3));
    expect(executed.succeeded).toEqual([{ vehicleId: 'v1', fromRsuId: 'rsu1', toRsuId: 'rsu2' }]);
    expect(state.serving[0]).toBe(1);
  });

  it('counts a return to the previous RSU within the window as a ping-pong', () => {
    const state = createHandoverState(2, 1);
    sample(state, -70, -80, 0);
    for (const time of [0.1, 0.2, 0.3]) sample(state, -70, -60, time);
    executeHandovers(state, [{ vehicleId: 'v1', targetRsuId: 'rsu2' }], context(0.3));
    for (const time of [0.4, 0.5, 0.6]) sample(state, -60, -70, time);
    const back = executeHandovers(state, [{ vehicleId: 'v1', targetRsuId: 'rsu1' }], context(0.6));
    expect(back.pingPongVehicleIds).toEqual(['v1']);
  });

  it('fails a handover whose target mean SINR is below Q_out and keeps the source', () => {
    const state = createHandoverState(2, 1);
    // Both RSUs far below noise, rsu2 5 dB better: SINR toward rsu2 ≈ −10 dB < −8 dB.
    sample(state, -110, -120, 0);
    for (const time of [0.1, 0.2, 0.3]) sample(state, -110, -105, time);
    const outcome = executeHandovers(state, [{ vehicleId: 'v1', targetRsuId: 'rsu2' }], context(0.3));
    expect(outcome.failed).toHaveLength(1);
    expect(state.serving[0]).toBe(0);
  });

  it('does not change state in a dry run', () => {
    const state = createHandoverState(2, 1);
    sample(state, -70, -80, 0);
    for (const time of [0.1, 0.2, 0.3]) sample(state, -70, -60, time);
    const outcome = executeHandovers(state, [{ vehicleId: 'v1', targetRsuId: 'rsu2' }], {
      ...context(0.3),
      dryRun: true,
    });
    expect(outcome.succeeded).toHaveLength(1);
    expect(state.serving[0]).toBe(0);
  });
});
