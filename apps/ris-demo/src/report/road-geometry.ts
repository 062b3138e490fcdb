import type { ScenarioConfig } from '../scenario/types.ts';
import type { RoadGeometry } from './road-map-chart.ts';

/** The parts of a scenario the road map draws: road, lanes, RSU and RIS positions, the RIS normal. */
export function roadGeometry(scenario: ScenarioConfig): RoadGeometry {
  return {
    lengthM: scenario.road.lengthM,
    laneCount: scenario.road.laneCount,
    laneWidthM: scenario.road.laneWidthM,
    rsus: scenario.rsus.map((rsu) => ({ id: rsu.id, x: rsu.position.x, y: rsu.position.y })),
    ris: { x: scenario.ris.centre.x, y: scenario.ris.centre.y, normalAzimuthRad: scenario.ris.normalAzimuthRad },
  };
}
