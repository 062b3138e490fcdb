/**
 * Validation of a resolved scenario, run once at `resolveScenario` (never on the hot path). Ranges come from the
 * models' validity: UMi 0.5–100 GHz and 1.5 ≤ h_UT ≤ 22.5 m (TR 38.901), A3 Hys 0–15 dB and Off ±15 dB (TS 38.331),
 * and Δt ≥ 5 coherence times at the slowest speed so that drawing fast fading independently per step is sound.
 */
import { AcptConfigError, type ConfigIssue } from '@acpt/config';
import { coherenceTimeS, maxDopplerHz } from '../physics/doppler.ts';
import type { ScenarioConfig } from './scenario-config.ts';

/** Most vehicles × RIS elements a scenario may have: each pair holds hop coefficients (≈ 80 bytes per pair). */
export const MAX_VEHICLE_ELEMENT_PRODUCT: number = 2 ** 22;

type Check = readonly [path: string, ok: boolean, expected: string, received: unknown];

const isInteger = (value: number, min: number, max = Number.MAX_SAFE_INTEGER): boolean =>
  Number.isInteger(value) && value >= min && value <= max;
const isPositive = (value: number): boolean => Number.isFinite(value) && value > 0;
const isWithin = (value: number, min: number, max: number): boolean =>
  Number.isFinite(value) && value >= min && value <= max;

const isOneOf = (value: unknown, allowed: readonly unknown[]): boolean => allowed.includes(value);

function checksOf(scenario: ScenarioConfig): Check[] {
  const { road, ris, channel, noma, handover, energy, csi } = scenario;
  const slowest = coherenceTimeS(maxDopplerHz(road.minSpeedMps, scenario.carrierHz));
  const ids = scenario.rsus.map((rsu) => rsu.id);
  return [
    ['timeStepS', isPositive(scenario.timeStepS), 'a positive number of seconds', scenario.timeStepS],
    [
      'timeStepS',
      scenario.timeStepS >= 5 * slowest,
      `at least 5 coherence times at minSpeedMps (${(5 * slowest).toFixed(4)} s) for i.i.d. fading per step`,
      scenario.timeStepS,
    ],
    ['carrierHz', isWithin(scenario.carrierHz, 0.5e9, 100e9), 'a carrier from 0.5 to 100 GHz', scenario.carrierHz],
    ['bandwidthHz', isPositive(scenario.bandwidthHz), 'a positive bandwidth in Hz', scenario.bandwidthHz],
    [
      'noiseFigureDb',
      isWithin(scenario.noiseFigureDb, 0, 30),
      'a noise figure from 0 to 30 dB',
      scenario.noiseFigureDb,
    ],
    ['vehicleCount', isInteger(scenario.vehicleCount, 1, 10_000), 'an integer from 1 to 10000', scenario.vehicleCount],
    ['road.lengthM', isPositive(road.lengthM), 'a positive length in m', road.lengthM],
    ['road.laneCount', isInteger(road.laneCount, 1, 16), 'an integer from 1 to 16', road.laneCount],
    ['road.laneWidthM', isPositive(road.laneWidthM), 'a positive width in m', road.laneWidthM],
    ['road.minSpeedMps', isPositive(road.minSpeedMps), 'a positive speed in m/s', road.minSpeedMps],
    [
      'road.maxSpeedMps',
      isWithin(road.maxSpeedMps, road.minSpeedMps, 100),
      'from minSpeedMps to 100',
      road.maxSpeedMps,
    ],
    [
      'road.vehicleAntennaHeightM',
      isWithin(road.vehicleAntennaHeightM, 1.5, 22.5),
      'h_UT from 1.5 to 22.5 m (UMi validity)',
      road.vehicleAntennaHeightM,
    ],
    ['rsus', scenario.rsus.length >= 1 && new Set(ids).size === ids.length, 'at least one RSU, unique ids', ids],
    ...scenario.rsus.flatMap((rsu, index): Check[] => [
      [`rsus[${index}].txPowerW`, isPositive(rsu.txPowerW), 'a positive power in W', rsu.txPowerW],
      [`rsus[${index}].position.z`, isWithin(rsu.position.z, 1.5, 50), 'an antenna height in m', rsu.position.z],
    ]),
    ['ris.rows', isInteger(ris.rows, 1, 256), 'an integer from 1 to 256', ris.rows],
    [
      'vehicleCount',
      !(scenario.vehicleCount * ris.rows * ris.columns > MAX_VEHICLE_ELEMENT_PRODUCT),
      `at most ${MAX_VEHICLE_ELEMENT_PRODUCT} vehicles × RIS elements (one hop coefficient each; memory)`,
      `${scenario.vehicleCount} × ${ris.rows * ris.columns}`,
    ],
    ['ris.columns', isInteger(ris.columns, 1, 256), 'an integer from 1 to 256', ris.columns],
    [
      'ris.elementSpacingWavelengths',
      isWithin(ris.elementSpacingWavelengths, 0.05, 2),
      'from 0.05 to 2 wavelengths',
      ris.elementSpacingWavelengths,
    ],
    ['ris.phaseBits', isInteger(ris.phaseBits, 1, 8), 'an integer from 1 to 8', ris.phaseBits],
    [
      'ris.vehicleHopKFactorDb',
      ris.vehicleHopKFactorDb === Number.POSITIVE_INFINITY || isWithin(ris.vehicleHopKFactorDb, -50, 50),
      'a K-factor in dB, or Infinity for pure LoS',
      ris.vehicleHopKFactorDb,
    ],
    ['ris.elementPowerW', isWithin(ris.elementPowerW, 0, 1), 'a power from 0 to 1 W', ris.elementPowerW],
    [
      'ris.elementPowerMode',
      isOneOf(ris.elementPowerMode, ['always', 'reconfigured']),
      "'always' or 'reconfigured'",
      ris.elementPowerMode,
    ],
    ['ris.staticPowerW', isWithin(ris.staticPowerW, 0, 1000), 'a power from 0 to 1000 W', ris.staticPowerW],
    [
      'ris.reconfigurationDelayS',
      isWithin(ris.reconfigurationDelayS, 0, scenario.timeStepS),
      `a delay from 0 to the time step (${scenario.timeStepS} s)`,
      ris.reconfigurationDelayS,
    ],
    [
      'ris.retuneIntervalSteps',
      isInteger(ris.retuneIntervalSteps, 1, 1000),
      'an integer from 1 to 1000 steps',
      ris.retuneIntervalSteps,
    ],
    [
      'channel.shadowingSigmaLosDb',
      isWithin(channel.shadowingSigmaLosDb, 0, 20),
      '0–20 dB',
      channel.shadowingSigmaLosDb,
    ],
    [
      'channel.shadowingSigmaNlosDb',
      isWithin(channel.shadowingSigmaNlosDb, 0, 20),
      '0–20 dB',
      channel.shadowingSigmaNlosDb,
    ],
    ...(
      [
        'shadowingDecorrelationLosM',
        'shadowingDecorrelationNlosM',
        'losStateDecorrelationM',
        'kFactorDecorrelationM',
      ] as const
    ).map((key): Check => [`channel.${key}`, isPositive(channel[key]), 'a positive distance in m', channel[key]]),
    ['channel.kFactorSigmaDb', isWithin(channel.kFactorSigmaDb, 0, 20), '0–20 dB', channel.kFactorSigmaDb],
    ['channel.kFactorMeanDb', isWithin(channel.kFactorMeanDb, -30, 40), '−30–40 dB', channel.kFactorMeanDb],
    ['channel.pathLossModel', isOneOf(channel.pathLossModel, ['umi', 'uma']), "'umi' or 'uma'", channel.pathLossModel],
    [
      'road.vehicleAntennaHeightM',
      channel.pathLossModel !== 'uma' || road.vehicleAntennaHeightM < 13,
      'below 13 m with UMa (h_E = 1 m; taller terminals need the random h_E, not modelled)',
      road.vehicleAntennaHeightM,
    ],
    [
      'channel.smallScaleFading',
      isOneOf(channel.smallScaleFading, ['rician', 'nakagami']),
      "'rician' or 'nakagami'",
      channel.smallScaleFading,
    ],
    ['channel.nakagamiM', isWithin(channel.nakagamiM, 0.5, 100), 'm from 0.5 to 100', channel.nakagamiM],
    ['noma.sicResidual', isWithin(noma.sicResidual, 0, 1), 'ε from 0 to 1', noma.sicResidual],
    [
      'noma.farUserMinSpectralEfficiency',
      isWithin(noma.farUserMinSpectralEfficiency, 0, 20),
      '0–20 bit/s/Hz',
      noma.farUserMinSpectralEfficiency,
    ],
    ['handover.hysteresisDb', isWithin(handover.hysteresisDb, 0, 15), 'Hys from 0 to 15 dB', handover.hysteresisDb],
    ['handover.a3OffsetDb', isWithin(handover.a3OffsetDb, -15, 15), 'Off from −15 to 15 dB', handover.a3OffsetDb],
    [
      'handover.timeToTriggerS',
      isWithin(handover.timeToTriggerS, 0, 5.12),
      'TTT from 0 to 5.12 s',
      handover.timeToTriggerS,
    ],
    [
      'handover.l3FilterCoefficient',
      isInteger(handover.l3FilterCoefficient, 0, 19),
      'an integer k from 0 to 19',
      handover.l3FilterCoefficient,
    ],
    ['handover.pingPongWindowS', isWithin(handover.pingPongWindowS, 0, 60), '0–60 s', handover.pingPongWindowS],
    ['handover.failureSinrDb', isWithin(handover.failureSinrDb, -30, 30), '−30–30 dB', handover.failureSinrDb],
    [
      'energy.amplifierEfficiency',
      isWithin(energy.amplifierEfficiency, 1e-3, 1),
      'ν in (0, 1]',
      energy.amplifierEfficiency,
    ],
    ['energy.staticPowerPerRsuW', isWithin(energy.staticPowerPerRsuW, 0, 1e4), '0–10 kW', energy.staticPowerPerRsuW],
    ['energy.sleepPowerPerRsuW', isWithin(energy.sleepPowerPerRsuW, 0, 1e4), '0–10 kW', energy.sleepPowerPerRsuW],
    ['energy.powerControl', typeof energy.powerControl === 'boolean', 'true or false', energy.powerControl],
    [
      'energy.maxSpectralEfficiency',
      energy.maxSpectralEfficiency === null || isWithin(energy.maxSpectralEfficiency, 0.1, 30),
      'from 0.1 to 30 bit/s/Hz, or null for no cap',
      energy.maxSpectralEfficiency,
    ],
    [
      'csi.nmseDb',
      csi.nmseDb === null || isWithin(csi.nmseDb, -60, 20),
      'an NMSE from −60 to 20 dB, or null for perfect estimates',
      csi.nmseDb,
    ],
    ['csi.delaySteps', isInteger(csi.delaySteps, 0, 1000), 'an integer from 0 to 1000 steps', csi.delaySteps],
  ];
}

/**
 * Checks every field of a scenario.
 * @throws {AcptConfigError} With one issue per invalid field.
 */
export function validateScenario(scenario: ScenarioConfig): void {
  const issues: ConfigIssue[] = checksOf(scenario)
    .filter(([, ok]) => !ok)
    .map(([path, , expected, received]) => ({
      path: `scenario.${path}`,
      expected,
      received: JSON.stringify(received) ?? String(received),
      source: { kind: 'override' },
      message: `must be ${expected}`,
    }));
  if (issues.length > 0) {
    throw new AcptConfigError(issues);
  }
}
