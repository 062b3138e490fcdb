/**
 * The default scenario and `resolveScenario` (defaults + overrides, validated once). Sources of the defaults:
 * 3GPP TR 38.901 UMi street canyon (h_BS = 10 m, h_UT = 1.5 m, σ_SF 4 / 7.82 dB, decorrelation 10 / 13 m, LOS K-factor
 * 9 ± 5 dB with 15 m decorrelation); TS 38.331 A3 ranges; Huang et al. 2019 per-element RIS power and the EARTH RSU
 * model (P_0, ν and P_sleep are our assumptions: P_sleep/P_0 as for EARTH's pico cell); rates capped at 256-QAM's
 * 7.4063 bit/s/Hz (TS 38.214) with power control; perfect CSI (see docs/physics-models.md for every model). Geometry (our choice): a 600 m road with 4 lanes, RSUs every 200 m on the
 * south kerb, and a 16 × 16 λ/2 RIS on the north facade opposite rsu1, turned 30° toward rsu2, so that it reflects
 * rsu1's signal toward the cell edge (x ≈ 150–250 m), where NLOS vehicles gain up to ~10 dB when it is co-phased
 * for them (product-distance law: an RIS helps most near one end of the link).
 */
import { risElementPowerW } from '../physics/energy-efficiency.ts';
import { MAX_SPECTRAL_EFFICIENCY_256QAM } from '../physics/power-control.ts';
import type { ScenarioConfig, ScenarioOverrides } from './scenario-config.ts';
import { validateScenario } from './validate-scenario.ts';

const RIS_PHASE_BITS = 2;

/** The default scenario: 12 vehicles, 3 RSUs, 256 RIS elements, 3.5 GHz, 10 MHz, Δt = 100 ms. */
export const DEFAULT_SCENARIO: ScenarioConfig = {
  timeStepS: 0.1,
  carrierHz: 3.5e9,
  bandwidthHz: 10e6,
  noiseFigureDb: 9,
  vehicleCount: 12,
  road: {
    lengthM: 600,
    laneCount: 4,
    laneWidthM: 3.5,
    minSpeedMps: 8.3,
    maxSpeedMps: 16.7,
    vehicleAntennaHeightM: 1.5,
  },
  rsus: [
    { id: 'rsu1', position: { x: 100, y: -3, z: 10 }, txPowerW: 1 },
    { id: 'rsu2', position: { x: 300, y: -3, z: 10 }, txPowerW: 1 },
    { id: 'rsu3', position: { x: 500, y: -3, z: 10 }, txPowerW: 1 },
  ],
  ris: {
    centre: { x: 100, y: 19, z: 12 },
    normalAzimuthRad: -Math.PI / 3,
    rows: 16,
    columns: 16,
    elementSpacingWavelengths: 0.5,
    phaseBits: RIS_PHASE_BITS,
    vehicleHopKFactorDb: 9,
    elementPowerW: risElementPowerW(RIS_PHASE_BITS),
    elementPowerMode: 'reconfigured',
    staticPowerW: 1,
    reconfigurationDelayS: 0,
    retuneIntervalSteps: 1,
  },
  channel: {
    shadowingSigmaLosDb: 4,
    shadowingSigmaNlosDb: 7.82,
    shadowingDecorrelationLosM: 10,
    shadowingDecorrelationNlosM: 13,
    losStateDecorrelationM: 50,
    kFactorMeanDb: 9,
    kFactorSigmaDb: 5,
    kFactorDecorrelationM: 15,
    interRsuInterference: true,
    pathLossModel: 'umi',
    smallScaleFading: 'rician',
    nakagamiM: 1,
  },
  noma: {
    sicResidual: 0,
    farUserMinSpectralEfficiency: 0.5,
  },
  handover: {
    hysteresisDb: 2,
    a3OffsetDb: 1,
    timeToTriggerS: 0.256,
    l3FilterCoefficient: 4,
    pingPongWindowS: 1,
    failureSinrDb: -8,
  },
  energy: {
    amplifierEfficiency: 0.5,
    staticPowerPerRsuW: 10,
    sleepPowerPerRsuW: 6.3,
    powerControl: true,
    maxSpectralEfficiency: MAX_SPECTRAL_EFFICIENCY_256QAM,
  },
  csi: {
    nmseDb: null,
    delaySteps: 0,
  },
};

/**
 * Merges overrides into the defaults (section by section) and validates the result. When `ris.phaseBits` is overridden
 * without `ris.elementPowerW`, the element power follows P_elem(b) = b × 2.5 mW.
 * @throws {AcptConfigError} Listing every invalid field.
 * @example resolveScenario({ vehicleCount: 48, ris: { rows: 32, columns: 32 } })
 */
export function resolveScenario(overrides: ScenarioOverrides = {}): ScenarioConfig {
  const phaseBits = overrides.ris?.phaseBits ?? DEFAULT_SCENARIO.ris.phaseBits;
  const elementPowerW =
    overrides.ris?.elementPowerW ??
    (overrides.ris?.phaseBits === undefined ? DEFAULT_SCENARIO.ris.elementPowerW : risElementPowerW(phaseBits));
  const ris = { ...DEFAULT_SCENARIO.ris, ...overrides.ris, elementPowerW };
  const scenario: ScenarioConfig = {
    ...DEFAULT_SCENARIO,
    ...overrides,
    road: { ...DEFAULT_SCENARIO.road, ...overrides.road },
    rsus: overrides.rsus ?? DEFAULT_SCENARIO.rsus,
    ris,
    channel: { ...DEFAULT_SCENARIO.channel, ...overrides.channel },
    noma: { ...DEFAULT_SCENARIO.noma, ...overrides.noma },
    handover: { ...DEFAULT_SCENARIO.handover, ...overrides.handover },
    energy: { ...DEFAULT_SCENARIO.energy, ...overrides.energy },
    csi: { ...DEFAULT_SCENARIO.csi, ...overrides.csi },
  };
  validateScenario(scenario);
  return scenario;
}
