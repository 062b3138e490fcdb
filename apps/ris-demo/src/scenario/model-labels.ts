/**
 * One-line labels of the models a scenario runs with, for summaries and reports: which path loss, fading, CSI,
 * power model and RIS options produced the figures (so a reader sees, e.g., that decisions were made on stale
 * estimates or that rates were capped at 256-QAM).
 */
import type { ScenarioConfig } from './scenario-config.ts';

/** Labels of the models of a scenario. */
export interface ModelLabels {
  readonly pathLoss: string;
  readonly fading: string;
  readonly csi: string;
  readonly power: string;
  readonly ris: string;
}

/**
 * Describes the scenario's models in words.
 * @example describeModels(DEFAULT_SCENARIO).csi // 'perfect (decisions on the true mean channel)'
 */
export function describeModels(scenario: ScenarioConfig): ModelLabels {
  const { channel, csi, energy, ris } = scenario;
  const pathLoss = channel.pathLossModel === 'uma' ? '3GPP TR 38.901 UMa' : '3GPP TR 38.901 UMi street canyon';
  const fading =
    channel.smallScaleFading === 'nakagami'
      ? `Nakagami-m (m = ${channel.nakagamiM}) direct links, Rician RIS hop`
      : `Rician (LOS K ${channel.kFactorMeanDb} ± ${channel.kFactorSigmaDb} dB, NLOS Rayleigh)`;
  const staleness = csi.delaySteps === 0 ? 'current' : `${csi.delaySteps} step${csi.delaySteps === 1 ? '' : 's'} stale`;
  const csiLabel =
    csi.nmseDb === null && csi.delaySteps === 0
      ? 'perfect (decisions on the true mean channel)'
      : `estimated: NMSE ${csi.nmseDb === null ? 'none' : `${csi.nmseDb} dB`}, ${staleness}`;
  const cap =
    energy.maxSpectralEfficiency === null
      ? 'no rate cap'
      : `rates capped at ${energy.maxSpectralEfficiency.toFixed(4)} bit/s/Hz`;
  const power =
    `EARTH RSU model (P_0 ${energy.staticPowerPerRsuW} W, ν ${energy.amplifierEfficiency}, sleep ` +
    `${energy.sleepPowerPerRsuW} W), ${cap}, power control ${energy.powerControl ? 'on' : 'off'}`;
  const risLabel =
    `${ris.rows * ris.columns} elements, ${ris.phaseBits}-bit, static ${ris.staticPowerW} W + ` +
    `${ris.elementPowerW * 1000} mW/element ${ris.elementPowerMode === 'always' ? 'always' : 'when reconfigured'}, ` +
    `retune every ${ris.retuneIntervalSteps} step${ris.retuneIntervalSteps === 1 ? '' : 's'}, ` +
    `reconfiguration delay ${ris.reconfigurationDelayS} s`;
  return { pathLoss, fading, csi: csiLabel, power, ris: risLabel };
}
