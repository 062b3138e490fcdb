/**
 * The direct links' path-loss model chosen by `channel.pathLossModel`: 3GPP TR 38.901 UMi street canyon (default) or
 * UMa, with their LOS probabilities (physics/umi-path-loss.ts, physics/uma-path-loss.ts).
 */
import { umaLosPathLossDb, umaLosProbability, umaNlosPathLossDb } from '../physics/uma-path-loss.ts';
import { type UmiLink, umiLosPathLossDb, umiLosProbability, umiNlosPathLossDb } from '../physics/umi-path-loss.ts';
import type { ChannelConfig } from './scenario-config.ts';

/** Path loss (dB) in LOS and NLOS and the LOS probability of a link. */
export interface PathLossModel {
  losDb(link: UmiLink): number;
  nlosDb(link: UmiLink): number;
  losProbability(link: UmiLink): number;
}

const MODELS: Readonly<Record<ChannelConfig['pathLossModel'], PathLossModel>> = {
  umi: {
    losDb: umiLosPathLossDb,
    nlosDb: umiNlosPathLossDb,
    losProbability: (link) => umiLosProbability(link.distance2dM),
  },
  uma: {
    losDb: umaLosPathLossDb,
    nlosDb: umaNlosPathLossDb,
    losProbability: (link) => umaLosProbability(link.distance2dM, link.utHeightM),
  },
};

/** The model named by the scenario. */
export function pathLossModel(name: ChannelConfig['pathLossModel']): PathLossModel {
  return MODELS[name];
}
